// `npm start`: build, then run Electron when its binary (and an Electron build of better-sqlite3) is
// available, else the browser host. SCR_HOST=browser|electron forces one; electron fails loudly.
import { spawn } from 'node:child_process';
import { buildNode, buildRenderer } from './build.mjs';
import { fetchElectronBinary, findElectronBinary } from './electron-binary.mjs';
import { ensureElectronNative } from './native-electron.mjs';

const wanted = process.env.SCR_HOST ?? 'auto';
if (!['auto', 'browser', 'electron'].includes(wanted)) {
  console.error(`SCR_HOST must be browser or electron (got "${wanted}").`);
  process.exit(2);
}

console.log('Building…');
await buildNode({ quiet: true });
buildRenderer({ quiet: true });

function chooseElectron() {
  if (wanted === 'browser') return { ok: false, why: 'SCR_HOST=browser' };
  let binary = findElectronBinary();
  if (!binary.available && !process.env.SCR_NO_ELECTRON_DOWNLOAD) {
    console.log('Electron binary not found; trying to download it once…');
    binary = fetchElectronBinary();
  }
  if (!binary.available) return { ok: false, why: binary.reason };
  const native = ensureElectronNative();
  if (!native.ok)
    return { ok: false, why: `better-sqlite3 could not be built for Electron: ${native.reason}` };
  return { ok: true, binary: binary.path };
}

const choice = chooseElectron();
if (wanted === 'electron' && !choice.ok) {
  console.error(`Cannot start the Electron host: ${choice.why}.`);
  process.exit(1);
}

const child = choice.ok
  ? (console.log('Starting the Electron host.'),
    spawn(choice.binary, ['dist/electron/main.cjs'], {
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '' },
    }))
  : (console.log(
      `Starting the browser host (${choice.why}). Open the address below in Chrome, Edge or Firefox.`,
    ),
    spawn(process.execPath, ['dist/node/browser-host.js'], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
