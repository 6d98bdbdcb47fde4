// `npm run bench[:name]`: bundles a benchmark from tests/bench/ and runs it under Node.
// Benchmarks compare against a reference measured in the same run; they never fail on timing.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { phantomFingerprint } from './phantom-fingerprint.mjs';

const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync('tests/bench')
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => f.replace('.bench.ts', ''));
// The benches run the built CLI and browser host: build them from these sources first.
if (spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' }).status !== 0)
  process.exit(1);
let failed = false;
for (const name of names) {
  const outfile = `.cache/bench-${name}.mjs`;
  await build({
    entryPoints: [`tests/bench/${name}.bench.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    external: ['better-sqlite3', 'electron', 'esbuild'],
    define: { __SCR_PHANTOM_FINGERPRINT__: JSON.stringify(phantomFingerprint()) },
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  console.log(`\n━━ bench:${name}`);
  const r = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
