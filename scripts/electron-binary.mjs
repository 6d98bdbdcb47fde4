// Finds the Electron binary without triggering electron's own download-on-require (which hangs or
// throws where the network is closed).
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const electronDir = join(process.cwd(), 'node_modules', 'electron');

export function electronVersion() {
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** @returns {{ available: true, path: string } | { available: false, reason: string }} */
export function findElectronBinary() {
  if (!existsSync(join(electronDir, 'package.json')))
    return { available: false, reason: 'the electron package is not installed (run npm install)' };
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron');
    return existsSync(p)
      ? { available: true, path: p }
      : { available: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${p}` };
  }
  if (!relative)
    return {
      available: false,
      reason: `the Electron ${electronVersion()} binary has not been downloaded yet`,
    };
  const full = join(electronDir, 'dist', relative);
  return existsSync(full)
    ? { available: true, path: full }
    : { available: false, reason: `${full} is missing` };
}

/**
 * Electron 45 fetches its binary on first use rather than at install. Try once, bounded in time,
 * and report why it failed (on a closed network it fails within a second).
 */
export function fetchElectronBinary(timeoutMs = 180_000) {
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env },
  });
  if (r.status === 0) return findElectronBinary();
  const text = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const cause = /ENOTFOUND [^\s]+|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|status code \d+|fetch failed/.exec(
    text,
  )?.[0];
  const reason =
    r.error?.code === 'ETIMEDOUT'
      ? 'the download timed out'
      : cause
        ? `the download failed (${cause})`
        : 'the download failed';
  return { available: false, reason: `the Electron binary is not installed and ${reason}` };
}
