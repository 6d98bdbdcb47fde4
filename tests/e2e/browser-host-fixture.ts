import { test as base } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrowserHost {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts the built browser host (dist/node/browser-host.js) on a fresh data folder and waits for its line. */
export async function launchBrowserHost(dataDir: string): Promise<BrowserHost> {
  const child = spawn(process.execPath, ['dist/node/browser-host.js'], {
    env: { ...process.env, SCR_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`browser host did not start: ${output}`)), 20_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const m = /Spine Case Review running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => fail(new Error(`browser host exited with ${code}: ${output}`)));
  });
  return { url, origin: new URL(url).origin, dataDir, process: child };
}

export async function stopBrowserHost(host: BrowserHost): Promise<void> {
  if (host.process.exitCode !== null) return;
  await new Promise<void>((done) => {
    host.process.once('exit', () => done());
    host.process.kill('SIGTERM');
  });
}

export const test = base.extend<{ host: BrowserHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument to be destructured
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'scr-e2e-'));
    const host = await launchBrowserHost(dataDir);
    await use(host);
    await stopBrowserHost(host);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
