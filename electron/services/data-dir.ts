import type { Dirent } from 'node:fs';
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { chmod, lstat, readdir } from 'node:fs/promises';
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
 * Makes the data folder its owner's only, at every start: created 0700, or the folder and the files
 * directly in it (database, WAL, SHM, opened next) set back to 0700 and 0600 when an older version, a
 * copy or a restore left them open; {@link closeUpTree} then does the same for everything below. From
 * then on the process creates files 0600 (umask 077). On Windows the profile's ACLs protect it.
 */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') {
    if (isMainThread) process.umask(PRIVATE_UMASK);
    setModeSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      if (entry.isFile()) setModeSync(join(dir, entry.name), 0o600);
  }
  return dir;
}

const gone = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'ENOENT';

function setModeSync(path: string, mode: number): void {
  if ((lstatSync(path).mode & 0o7777) !== mode) chmodSync(path, mode);
}

/** Sets `path` to `mode` unless it already has it (no needless metadata writes on a large store). */
async function setMode(path: string, mode: number): Promise<void> {
  try {
    if (((await lstat(path)).mode & 0o7777) !== mode) await chmod(path, mode);
  } catch (e) {
    // Removed meanwhile (a temp file renamed into the store): nothing left to protect.
    if (!gone(e)) throw e;
  }
}

/**
 * Every folder from `dir` down 0700 and every file 0600 (store objects, thumbnails, exports, uploads,
 * at any depth), at every start, in the background: a store of 100,000 images does not delay the
 * window. Symbolic links are left alone: their targets are not the data folder's.
 */
export async function closeUpTree(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const pending = [dir];
  while (pending.length) {
    const folders = pending.splice(0, 16);
    await Promise.all(
      folders.map(async (folder) => {
        await setMode(folder, 0o700);
        let entries: Dirent[];
        try {
          entries = await readdir(folder, { withFileTypes: true });
        } catch (e) {
          if (gone(e)) return;
          throw e;
        }
        const files: string[] = [];
        for (const entry of entries) {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) pending.push(path);
          else if (entry.isFile()) files.push(path);
        }
        for (let i = 0; i < files.length; i += 64)
          await Promise.all(files.slice(i, i + 64).map((f) => setMode(f, 0o600)));
      }),
    );
  }
}

export const databasePath = (dataDir: string): string => join(dataDir, 'case-review.sqlite');
