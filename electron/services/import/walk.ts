import { open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type SourceItem =
  { kind: 'file'; path: string; size: number } | { kind: 'zip'; path: string; size: number };

async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/** Walks the user's sources (files, folders, zips) depth-first; each real file once. */
export async function* walkSources(
  paths: string[],
  seen = new Set<string>(),
): AsyncGenerator<SourceItem | { kind: 'error'; path: string; reason: string }> {
  for (const path of paths) yield* walkOne(path, seen);
}

async function* walkOne(
  path: string,
  seen: Set<string>,
): AsyncGenerator<SourceItem | { kind: 'error'; path: string; reason: string }> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    yield { kind: 'error', path, reason: `cannot open (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
    return;
  }
  if (info.isDirectory()) {
    // A directory reached twice (a symbolic link loop on a mounted medium) is walked once.
    const realDir = `dir:${await realpath(path).catch(() => path)}`;
    if (seen.has(realDir)) return;
    seen.add(realDir);
    let names: string[];
    try {
      names = (await readdir(path)).sort();
    } catch (e) {
      yield {
        kind: 'error',
        path,
        reason: `cannot list the folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      };
      return;
    }
    for (const name of names) yield* walkOne(join(path, name), seen);
    return;
  }
  if (!info.isFile()) return;
  const real = await realpath(path).catch(() => path);
  if (seen.has(real)) return;
  seen.add(real);
  yield { kind: (await isZip(path).catch(() => false)) ? 'zip' : 'file', path, size: info.size };
}

/**
 * Resolves a DICOMDIR's Referenced File IDs against its folder. Media written on other systems
 * often differ in case ("IMAGES/IM0001" vs "images/im0001"), so each component matches case-insensitively.
 */
export async function resolveReferencedFile(
  dicomdirPath: string,
  components: string[],
): Promise<string | null> {
  let dir = dirname(dicomdirPath);
  for (const [i, part] of components.entries()) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return null;
    }
    const match = names.find((n) => n === part) ?? names.find((n) => n.toUpperCase() === part.toUpperCase());
    if (!match) return null;
    dir = join(dir, match);
    if (i === components.length - 1) return dir;
  }
  return null;
}

export const isDicomdirName = (path: string): boolean => basename(path).toUpperCase() === 'DICOMDIR';
