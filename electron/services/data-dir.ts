import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
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
 * Makes the data folder its owner's only, at every start: created 0700, or set back to 0700 when an
 * older version (or a copy) left it open, with every file in it set to 0600 and every folder to 0700.
 * From then on the process creates files 0600 (umask 077). On Windows the profile's ACLs protect it.
 */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') {
    if (isMainThread) process.umask(PRIVATE_UMASK);
    if ((statSync(dir).mode & 0o777) !== 0o700) {
      chmodSync(dir, 0o700);
      closeUp(dir);
    } else {
      // Earlier versions made the folder 0700 but the database and thumbnails 0644.
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (entry.isFile()) chmodSync(join(dir, entry.name), 0o600);
      if (existsSync(join(dir, 'thumbnails'))) closeUp(join(dir, 'thumbnails'));
    }
  }
  return dir;
}

function closeUp(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      chmodSync(path, 0o700);
      closeUp(path);
    } else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

export const databasePath = (dataDir: string): string => join(dataDir, 'case-review.sqlite');
