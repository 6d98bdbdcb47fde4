// `npm run dist`: installers for this platform (needs internet for the Electron runtime and headers).
import { spawnSync } from 'node:child_process';
import { buildNode, buildRenderer } from './build.mjs';
import { ensureElectronNative } from './native-electron.mjs';

const native = ensureElectronNative();
if (!native.ok) {
  console.error(`Cannot package: better-sqlite3 could not be built for Electron (${native.reason}).`);
  process.exit(1);
}
await buildNode();
buildRenderer();
const r = spawnSync(
  'node_modules/.bin/electron-builder',
  ['--config', 'build/electron-builder.yml', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(r.status ?? 1);
