// Shared by the benchmarks: same-run references, alternating runs, medians, the phantom kept
// between runs (generating a 300-slice CT costs minutes on a busy machine), one JSON line each.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtPhantomFingerprint, cachedPhantom } from '../../electron/services/demo/phantom-cache.ts';
import type { PhantomPart } from '../../electron/services/phantom/generate-phantom.ts';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';

export const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median, smallest and largest: the spread says how noisy the machine was during the run. */
export function spread(xs: number[], digits = 2): { median: number; min: number; max: number } {
  return {
    median: round(median(xs), digits),
    min: round(Math.min(...xs), digits),
    max: round(Math.max(...xs), digits),
  };
}

export async function secondsOf(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
}

/**
 * Runs `ours` and `reference` in turn `rounds` times (A B A B …, so a drift of the machine's speed
 * hits both) and returns their seconds and the per-pair ratio reference/ours (> 1: ours is faster).
 */
export async function alternate(
  rounds: number,
  ours: () => unknown,
  reference: () => unknown,
  before: () => unknown = () => {},
): Promise<{ ours: number[]; reference: number[]; ratio: ReturnType<typeof spread> }> {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await before();
    b.push(await secondsOf(reference));
    await before();
    a.push(await secondsOf(ours));
  }
  return { ours: a, reference: b, ratio: spread(a.map((s, i) => b[i]! / s)) };
}

export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Reads every file once so all readers start from a warm page cache alike. */
export function warmPageCache(dir: string): void {
  execFileSync('cat', filesUnder(dir), { stdio: 'ignore', maxBuffer: 1 << 30 });
}

/** The phantom for a bench, generated once per generator version and kept in the temp folder. */
export async function benchPhantom(
  name: string,
  options: { ctSlices: number; ctMatrix: number; include?: PhantomPart[] },
): Promise<string> {
  const generate = (outDir: string) => generatePhantom({ outDir, seed: 1, ...options }).then(() => undefined);
  const fingerprint = builtPhantomFingerprint();
  const cacheDir = join(tmpdir(), `scr-bench-phantom-${name}`);
  if (!fingerprint) {
    await generate(cacheDir);
    return cacheDir;
  }
  return cachedPhantom(cacheDir, { seed: 1, ...options, fingerprint }, generate);
}

/** The bench's one machine-readable line: its figures, their references and the machine. */
export function printFigures(bench: string, figures: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(36)} ${JSON.stringify(v)}`);
  console.log(JSON.stringify({ bench, cores: availableParallelism(), ...figures }));
}
