import type { Dirent } from 'node:fs';
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_DIR_NAME = 'spine-case-review';

/**
 * Where the browser host and the CLI keep the database and image store. Electron uses its userData
 * folder instead. SCR_DATA_DIR overrides both (tests, portable installs, a shared drive).
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.SCR_DATA_DIR) return resolve(env.SCR_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), APP_DIR_NAME);
}

/** Files this process creates are its owner's only (database, WAL, thumbnails, store objects, uploads). */
const PRIVATE_UMASK = 0o077;

/**
 * Makes the data folder its owner's only, at every start: created 0700, and the folder, every folder
 * under it and every file in it (database, WAL and SHM, store objects, thumbnails, exports, uploads)
 * set back to 0700 and 0600 when an older version, a copy or a restore left them open. From then on
 * the process creates files 0600 (umask 077). On Windows the profile's ACLs protect it.
 */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') {
    if (isMainThread) process.umask(PRIVATE_UMASK);
    closeUp(dir);
  }
  return dir;
}

/** Sets `path` to `mode` unless it already has it (no needless metadata writes on a large store). */
function setMode(path: string, mode: number): void {
  try {
    if ((lstatSync(path).mode & 0o7777) !== mode) chmodSync(path, mode);
  } catch (e) {
    // Removed meanwhile (a temp file renamed into the store): nothing left to protect.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

/**
 * Every folder from `dir` down 0700 and every file 0600, without recursion (the content-addressed
 * store is two levels deep, but a copied-in tree may be deeper). Symbolic links are left alone: their
 * targets are not the data folder's.
 */
export function closeUp(dir: string): void {
  const pending = [dir];
  while (pending.length) {
    const folder = pending.pop()!;
    setMode(folder, 0o700);
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw e;
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) setMode(path, 0o600);
    }
  }
}

export const databasePath = (dataDir: string): string => join(dataDir, 'case-review.sqlite');
