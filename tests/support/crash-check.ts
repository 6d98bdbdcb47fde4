import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend } from '../../electron/backend/create-backend.ts';
import { testImportWorker } from './import-worker.ts';
import { waitFor } from './wait-for.ts';

/** True once the import has begun writing into the store (its temp folder holds a file). */
const importUnderWay = (dataDir: string): boolean => {
  const tmp = join(dataDir, 'store', 'tmp');
  return existsSync(tmp) && readdirSync(tmp).length > 0;
};

/**
 * Starts `node cli.js import`, waits until it is under way, then kills it with SIGKILL after
 * `delayMs` more; resolves with its exit signal (null if it finished first). `delayMs` null: no kill.
 */
export async function importAndKill(
  dataDir: string,
  source: string,
  delayMs: number | null,
): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['dist/node/cli.js', 'import', source, '--json'], {
    env: { ...process.env, SCR_DATA_DIR: dataDir },
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  );
  if (delayMs === null) return exited;
  let finished = false;
  void exited.then(() => (finished = true));
  await waitFor(() => finished || importUnderWay(dataDir));
  const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
  const signal = await exited;
  clearTimeout(timer);
  return signal;
}

/**
 * Opens the data folder as the app does at start-up (recovery and sweep included) and lists what
 * is inconsistent: rows whose file is missing or of another size, stray or temp files, runs left
 * running, a damaged database. Returns the indexed count and the problems (none when whole).
 */
export async function storeProblems(dataDir: string): Promise<{ indexed: number; problems: string[] }> {
  const backend = createBackend({ dataDir, host: 'cli', importWorker: testImportWorker() });
  await backend.ready;
  const problems: string[] = [];
  try {
    const db = backend.ctx.db;
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') problems.push('integrity_check failed');
    if ((db.pragma('foreign_key_check') as unknown[]).length) problems.push('foreign_key_check failed');
    const rows = db.prepare('SELECT file_path AS path, file_size AS size FROM instances').all() as {
      path: string;
      size: number;
    }[];
    for (const row of rows) {
      const size = statSync(join(dataDir, 'store', row.path), { throwIfNoEntry: false })?.size;
      if (size !== row.size) problems.push(`${row.path}: ${size ?? 'missing'} bytes, row says ${row.size}`);
    }
    const objectsDir = join(dataDir, 'store', 'objects');
    const objects = existsSync(objectsDir)
      ? readdirSync(objectsDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
      : 0;
    if (objects !== rows.length) problems.push(`${objects} files in the store for ${rows.length} rows`);
    const tmp = join(dataDir, 'store', 'tmp');
    if (existsSync(tmp) && readdirSync(tmp).length) problems.push('temp files left after recovery');
    const running = db.prepare("SELECT count(*) AS n FROM import_runs WHERE state = 'running'").get() as {
      n: number;
    };
    if (running.n) problems.push(`${running.n} import run(s) left running`);
    return { indexed: rows.length, problems };
  } finally {
    await backend.close();
  }
}
