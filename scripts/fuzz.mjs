// `npm run fuzz -- --seed N --count N`: bundles the parser fuzzer (tests/fuzz) and runs it under Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

const outfile = '.cache/fuzz.mjs';
await build({
  entryPoints: ['tests/fuzz/fuzz-main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'error',
  external: ['better-sqlite3', 'electron', 'esbuild'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
});
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
