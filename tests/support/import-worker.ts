import { buildSync } from 'esbuild';
import { join } from 'node:path';

let built: string | null = null;

/** Tests run from TypeScript sources; workers need JavaScript, so bundle the import worker once per run. */
export function testImportWorker(): string {
  if (built) return built;
  const outfile = join(process.cwd(), '.cache', `test-import-worker-${process.pid}.mjs`);
  buildSync({
    entryPoints: ['electron/services/import/worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
    external: ['better-sqlite3'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  process.env.SCR_IMPORT_WORKER = outfile;
  built = outfile;
  return outfile;
}
