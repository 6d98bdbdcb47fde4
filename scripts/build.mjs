// Builds what the hosts run: the renderer (Vite) and the Node/Electron bundles (esbuild).
// Usage: node scripts/build.mjs [--node-only] [--quiet] [--out DIR]
// (--out: the Node/Electron bundles go to DIR/node and DIR/electron instead of dist/, for a test's own copy)
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { phantomFingerprint } from './phantom-fingerprint.mjs';

const argv = process.argv.slice(2);
const args = new Set(argv);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = (quiet) => ({
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: quiet ? 'error' : 'warning',
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __SCR_PHANTOM_FINGERPRINT__: JSON.stringify(phantomFingerprint()),
  },
  // pdfkit reads its own data files next to its sources at run time: keep it in node_modules.
  external: ['better-sqlite3', 'electron', 'pdfkit'],
  // An empty import.meta in a CommonJS bundle breaks module resolution at run time: fail the build.
  logOverride: { 'empty-import-meta': 'error' },
});

export async function buildNode({ quiet = false, outRoot = 'dist' } = {}) {
  // Chunk names carry a content hash: start empty so old chunks do not pile up.
  rmSync(`${outRoot}/node`, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common(quiet),
      format: 'esm',
      entryPoints: {
        cli: 'electron/cli/main.ts',
        'browser-host': 'electron/browser-host/main.ts',
        'import-worker': 'electron/services/import/worker.ts',
        'phantom-worker': 'electron/services/demo/phantom-worker.ts',
      },
      outdir: `${outRoot}/node`,
      // Shared code and what loads on demand (most handlers, the PDF, DIMSE and DICOM-writing
      // libraries) go to chunk files beside the entries (so import.meta.url stays
      // dist/node for every module): a short command such as `cli import` loads only what it runs.
      splitting: true,
      chunkNames: '[name]-[hash]',
      // Bundled CommonJS dependencies may call require(); give the ESM bundle one.
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    }),
    build({
      ...common(quiet),
      format: 'cjs',
      entryPoints: {
        main: 'electron/main.ts',
        'import-worker': 'electron/services/import/worker.ts',
        'phantom-worker': 'electron/services/demo/phantom-worker.ts',
      },
      outdir: `${outRoot}/electron`,
      outExtension: { '.js': '.cjs' },
      // Code shared with the ESM bundles resolves packages from import.meta.url (the codecs' wasm).
      define: { ...common(quiet).define, 'import.meta.url': '__scrModuleUrl' },
      banner: { js: "const __scrModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    // The sandboxed preload may require only 'electron': no banner.
    build({
      ...common(quiet),
      format: 'cjs',
      entryPoints: { preload: 'electron/preload.ts' },
      outdir: `${outRoot}/electron`,
      outExtension: { '.js': '.cjs' },
    }),
  ]);
}

export function buildRenderer({ quiet = false } = {}) {
  const r = spawnSync('node_modules/.bin/vite', ['build', ...(quiet ? ['--logLevel', 'error'] : [])], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('Renderer build failed');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quiet = args.has('--quiet');
  try {
    const out = argv.indexOf('--out');
    await buildNode({ quiet, ...(out >= 0 && argv[out + 1] ? { outRoot: argv[out + 1] } : {}) });
    if (!args.has('--node-only')) buildRenderer({ quiet });
  } catch (e) {
    console.error(`Build failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
