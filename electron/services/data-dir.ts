import { mkdirSync } from 'node:fs';
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

/** Creates the folder readable by its owner only: it holds patient data. */
export function ensureDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export const databasePath = (dataDir: string): string => join(dataDir, 'case-review.sqlite');
