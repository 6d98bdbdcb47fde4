import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../backend/create-backend.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import { startBrowserHost } from './server.ts';

/** Entry of the browser host (`node dist/node/browser-host.js`), bundled next to the built renderer. */
async function main(): Promise<void> {
  const here = dirname(fileURLToPath(import.meta.url));
  const log = (line: string): void => console.error(`[browser-host] ${line}`);
  const backend = createBackend({
    dataDir: defaultDataDir(),
    host: 'browser',
    importWorker: join(here, 'import-worker.js'),
    log,
  });
  const port = process.env.SCR_PORT ? Number(process.env.SCR_PORT) : 0;
  const host = await startBrowserHost({
    backend,
    rendererDir: process.env.SCR_RENDERER_DIR ?? join(here, '..', 'renderer'),
    port,
    log,
  });
  console.log(`Spine Case Review running at ${host.url}`);
  const stop = (): void => {
    void host
      .close()
      .then(() => backend.close())
      .finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`Spine Case Review could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
