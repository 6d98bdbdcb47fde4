import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Backend } from '../../electron/backend/create-backend.ts';
import { createBackend } from '../../electron/backend/create-backend.ts';
import { testImportWorker } from './import-worker.ts';

export interface TempBackend extends Backend {
  dataDir: string;
  dispose: () => Promise<void>;
}

/** A backend over the data folder `dataDir` (created if missing), with a test clock. */
export function tempBackendAt(dataDir: string, host: 'browser' | 'cli' | 'electron' = 'browser'): Backend {
  let clock = Date.parse('2026-01-05T08:00:00Z');
  return createBackend({
    dataDir,
    host,
    importWorker: testImportWorker(),
    now: () => new Date((clock += 1000)).toISOString(),
  });
}

/** A backend over a real SQLite file in a fresh temp folder. */
export function tempBackend(host: 'browser' | 'cli' | 'electron' = 'browser'): TempBackend {
  const dataDir = mkdtempSync(join(tmpdir(), 'scr-test-'));
  const backend = tempBackendAt(dataDir, host);
  return {
    ...backend,
    dataDir,
    dispose: async () => {
      await backend.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = 'scr-test-'): { path: string; dispose: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, dispose: () => rmSync(path, { recursive: true, force: true }) };
}

/** Unwraps an ok result or fails the test with the backend's message. */
export function expectOk<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
