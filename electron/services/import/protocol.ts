import type { InstanceHeader } from '../../../shared/imaging/header.ts';

/** One file to read: from disk by path, or bytes already in memory (a zip entry). */
export interface ReadTask {
  id: number;
  path: string;
  bytes?: Uint8Array;
}

export type ReadOutcome =
  | {
      kind: 'instance';
      header: InstanceHeader;
      decodable: boolean;
      warnings: string[];
      sha256: string;
      size: number;
      relativePath: string;
      /** Durable temp copy awaiting its move into the store; null when already stored. */
      tmpPath: string | null;
    }
  | { kind: 'dicomdir'; referencedFiles: string[][] }
  /** A zip archive: the main thread streams its entries to the workers. */
  | { kind: 'zip' }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string };

export type ReadResult = ReadOutcome & { id: number; path: string };
