import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface SpawnedHost {
  child: ChildProcess;
  port: number;
  origin: string;
  cookie: string;
  /** Calls an API method as the page would; resolves with the Result. */
  call: <T = unknown>(
    method: string,
    input?: unknown,
  ) => Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>;
  /** Peak resident set size of the host process so far (VmHWM), in MiB. */
  peakRssMb: () => number;
  stop: () => void;
}

/** Starts the built browser host (dist/node/browser-host.js) over `dataDir` and waits for its address. */
export async function spawnHost(dataDir: string, rendererDir: string): Promise<SpawnedHost> {
  const child = spawn(process.execPath, ['dist/node/browser-host.js'], {
    env: { ...process.env, SCR_DATA_DIR: dataDir, SCR_RENDERER_DIR: rendererDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<URL>((done, fail) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (\S+)/.exec(out);
      if (m) done(new URL(m[1]!));
    });
    child.on('exit', (code) => fail(new Error(`browser host exited (${code}): ${stderr}`)));
  });
  const port = Number(url.port);
  const origin = `http://127.0.0.1:${port}`;
  const cookie = `scr_token_${port}=${url.searchParams.get('token')}`;
  return {
    child,
    port,
    origin,
    cookie,
    call: async (method, input = {}) => {
      const r = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      return (await r.json()) as never;
    },
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
    },
    stop: () => void child.kill('SIGTERM'),
  };
}
