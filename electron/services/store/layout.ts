import { join } from 'node:path';

/**
 * The managed image store: content-addressed files under `store/objects/ab/<sha256>.dcm`, written
 * through `store/tmp/` (temp → fsync → rename) so a crash leaves either a whole file or a temp file.
 */
export interface StoreLayout {
  root: string;
  objects: string;
  tmp: string;
}

export function storeLayout(dataDir: string): StoreLayout {
  const root = join(dataDir, 'store');
  return { root, objects: join(root, 'objects'), tmp: join(root, 'tmp') };
}

/** Path relative to the store root, as kept in the database (portable if the data folder moves). */
export const objectRelativePath = (sha256: string): string => `objects/${sha256.slice(0, 2)}/${sha256}.dcm`;
