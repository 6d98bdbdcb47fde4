import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { BundleManifest } from '../../../shared/second-opinion/bundle-documents.ts';
import { encryptBundle } from './bundle-crypto.ts';
import type { BundleEntry } from './bundle-zip.ts';
import { writeBundleZip } from './bundle-zip.ts';

export interface WrittenBundle {
  path: string;
  /** For the browser host: `bundles/<id>.scrcase` under the data folder's exports. */
  downloadId: string | null;
  bytes: number;
  sha256: string;
}

/** Folder for bundles made in the app (downloaded by the browser, saved by Electron). */
export const exportsDir = (dataDir: string): string => join(dataDir, 'exports');

/**
 * Zips (and with a password encrypts) the entries, then writes the file owner-only through a
 * temporary name, so a half-written bundle never exists under the final name.
 */
export async function writeBundleFile(
  entries: readonly BundleEntry[],
  head: Pick<BundleManifest, 'kind' | 'pseudonym' | 'createdAt'>,
  target: { outPath?: string; dataDir: string },
  password: string | undefined,
): Promise<WrittenBundle> {
  const zip = await writeBundleZip(entries, head);
  const bytes = password ? await encryptBundle(zip, password) : zip;
  const downloadId = target.outPath ? null : randomUUID();
  const path = target.outPath ?? join(exportsDir(target.dataDir), `${downloadId}.scrcase`);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.partial-${process.pid}`;
  await writeFile(tmp, bytes, { mode: 0o600 });
  await rename(tmp, path);
  return { path, downloadId, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}
