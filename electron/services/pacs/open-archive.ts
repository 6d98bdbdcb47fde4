import type { ArchiveConnection } from '../../../shared/contract/pacs-schemas.ts';
import type { Archive } from './archive.ts';
import { DicomWebArchive } from './dicomweb/dicomweb-archive.ts';
import { DimseArchive } from './dimse/dimse-archive.ts';

/**
 * The adapter for a connection's protocol; close it after use. `scratchDir` (owner-only, in the
 * data folder) holds the files a C-STORE sends while it runs.
 */
export function openArchive(
  connection: ArchiveConnection,
  secret: string | null,
  scratchDir: string,
): Archive {
  return connection.kind === 'dicomweb'
    ? new DicomWebArchive(connection, secret)
    : new DimseArchive(connection, scratchDir);
}
