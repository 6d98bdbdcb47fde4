import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtPhantomFingerprint, cachedPhantom } from '../../../electron/services/demo/phantom-cache.ts';
import { phantomWorkerBeside } from '../../../electron/services/demo/demo-case.ts';
import { tempDir } from '../../support/temp-backend.ts';

let work: ReturnType<typeof tempDir>;
afterEach(() => work.dispose());

const key = { seed: 1, ctSlices: 4, ctMatrix: 32, fingerprint: 'aaaa' };

/** A stand-in generator that counts its runs and writes a file named for the seed. */
function counting() {
  const calls: string[] = [];
  const generate = (outDir: string): Promise<void> => {
    calls.push(outDir);
    mkdirSync(join(outDir, 'DICOM'), { recursive: true });
    writeFileSync(join(outDir, 'DICOM', 'IM1'), `seed ${key.seed}`);
    return Promise.resolve();
  };
  return { calls, generate };
}

describe('the demo phantom cache', () => {
  it('generates once per key and then serves the kept files', async () => {
    work = tempDir('scr-phantom-cache-');
    const { calls, generate } = counting();
    const first = await cachedPhantom(work.path, key, generate);
    const second = await cachedPhantom(work.path, key, generate);
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
    expect(readFileSync(join(first, 'DICOM', 'IM1'), 'utf8')).toBe('seed 1');
    // Generated out of sight and moved in whole: no half-built folder remains.
    expect(readdirSync(work.path)).toEqual([first.split('/').pop()]);
  });

  it('never serves files of another generator version, seed or size, and drops the stale entry', async () => {
    work = tempDir('scr-phantom-cache-');
    const { calls, generate } = counting();
    const old = await cachedPhantom(work.path, key, generate);
    for (const other of [{ fingerprint: 'bbbb' }, { seed: 2 }, { ctSlices: 5 }, { ctMatrix: 64 }]) {
      const entry = await cachedPhantom(work.path, { ...key, ...other }, generate);
      expect(entry).not.toBe(old);
    }
    expect(calls).toHaveLength(5);
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(work.path)).toHaveLength(1);
  });

  it('keeps nothing when generation fails, and generates again next time', async () => {
    work = tempDir('scr-phantom-cache-');
    const failing = (outDir: string): Promise<void> => {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, 'partial'), 'x');
      return Promise.reject(new Error('disk full'));
    };
    await expect(cachedPhantom(work.path, key, failing)).rejects.toThrow('disk full');
    expect(readdirSync(work.path)).toEqual([]);
    const { calls, generate } = counting();
    await cachedPhantom(work.path, key, generate);
    expect(calls).toHaveLength(1);
  });

  it('is keyed by the fingerprint of the generator this build carries', () => {
    expect(builtPhantomFingerprint()).toMatch(/^[0-9a-f]{16}$/);
    expect(phantomWorkerBeside('/app/dist/node/import-worker.js')).toBe('/app/dist/node/phantom-worker.js');
    expect(phantomWorkerBeside('/app/dist/electron/import-worker.cjs')).toBe(
      '/app/dist/electron/phantom-worker.cjs',
    );
    expect(phantomWorkerBeside(null)).toBeNull();
  });
});
