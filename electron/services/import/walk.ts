import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type SourceItem = { kind: 'file'; path: string } | { kind: 'error'; path: string; reason: string };

const reason = (what: string, e: unknown): string =>
  `${what} (${(e as NodeJS.ErrnoException).code ?? 'error'})`;

/**
 * Walks the user's sources (files, folders) depth-first; each file once. Directory entries carry
 * their type, so a file costs no system call here: reading, zip detection and hashing happen in
 * the workers. Only symbolic links and directories are resolved (a link loop on a medium is walked once).
 */
export async function* walkSources(paths: string[], seen = new Set<string>()): AsyncGenerator<SourceItem> {
  for (const path of paths) {
    let info;
    try {
      info = await stat(path);
    } catch (e) {
      yield { kind: 'error', path, reason: reason('cannot open', e) };
      continue;
    }
    if (info.isDirectory()) yield* walkDirectory(path, seen);
    else if (info.isFile() && !seen.has(path)) {
      seen.add(path);
      yield { kind: 'file', path };
    }
  }
}

/**
 * `real`: the folder's resolved path when known. A folder reached through a plain directory entry
 * (not a link) of a resolved folder is resolved already: only the sources and link targets cost a
 * realpath call (a content-addressed store has hundreds of folders).
 */
async function* walkDirectory(dir: string, seen: Set<string>, real?: string): AsyncGenerator<SourceItem> {
  const resolved = real ?? (await realpath(dir).catch(() => null));
  const realDir = `dir:${resolved ?? dir}`;
  if (seen.has(realDir)) return;
  seen.add(realDir);
  let entries;
  try {
    entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch (e) {
    yield { kind: 'error', path: dir, reason: reason('cannot list the folder', e) };
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      yield* walkDirectory(path, seen, resolved === null ? undefined : join(resolved, entry.name));
    else if (entry.isFile()) {
      if (!seen.has(path)) {
        seen.add(path);
        yield { kind: 'file', path };
      }
    } else if (entry.isSymbolicLink()) {
      // Follow links to files and folders, each target once.
      const target = await realpath(path).catch(() => null);
      if (target && !seen.has(target)) yield* walkSources([target], seen);
    }
  }
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
