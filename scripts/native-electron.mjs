// Builds better-sqlite3 for Electron's ABI into native/electron/, separate from the Node build in
// node_modules that tests, the CLI and the browser host use. @electron/rebuild is not used: with
// `nodedir` set in npm's config it silently builds against Node's headers and reports success.
// The result is checked: Node must refuse it with Electron's NODE_MODULE_VERSION.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { electronVersion } from './electron-binary.mjs';

const root = process.cwd();
const outDir = join(root, 'native', 'electron');
const outFile = join(outDir, 'better_sqlite3.node');
const infoFile = join(outDir, 'build-info.json');

const electronAbi = () => readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();

/** Node refuses a module built for another ABI, naming the ABI it was built for. */
function abiOf(file) {
  try {
    createRequire(import.meta.url)(file);
    return process.versions.modules;
  } catch (e) {
    return /NODE_MODULE_VERSION (\d+)\. This version/.exec(String(e?.message))?.[1] ?? null;
  }
}

function upToDate() {
  if (!existsSync(outFile) || !existsSync(infoFile)) return false;
  const info = JSON.parse(readFileSync(infoFile, 'utf8'));
  return info.electron === electronVersion() && abiOf(outFile) === electronAbi();
}

export function ensureElectronNative() {
  if (upToDate()) return { ok: true };
  const version = electronVersion();
  const work = join(root, '.cache', 'native-electron', 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  });
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  console.log(`Building better-sqlite3 for Electron ${version} (ABI ${electronAbi()})…`);
  const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const r = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, env, encoding: 'utf8', timeout: 15 * 60_000 },
  );
  if (r.status !== 0) {
    const last = `${r.stderr}\n${r.stdout}`.trim().split('\n').filter(Boolean).slice(-3).join(' | ');
    return { ok: false, reason: `node-gyp failed (${last.slice(0, 300)})` };
  }
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  const abi = abiOf(built);
  if (abi !== electronAbi())
    return {
      ok: false,
      reason: `the module was built for ABI ${abi}, Electron ${version} needs ${electronAbi()}`,
    };
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, outFile);
  writeFileSync(
    infoFile,
    JSON.stringify({ electron: version, abi, builtAt: new Date().toISOString() }, null, 2),
  );
  return { ok: true };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = ensureElectronNative();
  if (!r.ok) {
    console.error(`Electron build of better-sqlite3 failed: ${r.reason}`);
    process.exit(1);
  }
  console.log(`better-sqlite3 for Electron is ready: ${outFile}`);
}
