// Mutation fuzzing of the read path (header reader and pixel decoder) in the import workers, each
// input under a time and heap limit. Reports crashes, hangs and the distinct refusal reasons.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadPool } from '../../electron/services/import/read-pool.ts';
import { storeLayout } from '../../electron/services/store/layout.ts';
import { mixSeed, mulberry32 } from '../../shared/phantom/prng.ts';
import type { MutationKind } from './mutate.ts';
import { MUTATIONS, mutate } from './mutate.ts';

export interface FuzzSeed {
  name: string;
  bytes: Uint8Array;
}

export interface FuzzFinding {
  input: number;
  seed: string;
  mutation: MutationKind;
  reason: string;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  decoded: number;
  headerOnly: number;
  refused: number;
  crashes: FuzzFinding[];
  hangs: FuzzFinding[];
  /** Inputs that needed more than the worker's heap limit (the worker was replaced). */
  overMemory: FuzzFinding[];
  /** Refusal reasons with numbers replaced by N, and how often each came. */
  reasons: Map<string, number>;
  seconds: number;
}

export interface FuzzOptions {
  seed: number;
  count: number;
  seeds: readonly FuzzSeed[];
  workerScript: string;
  workers?: number;
  timeoutMs?: number;
  memoryMb?: number;
  /** Replay only these input numbers (each is the same bytes as in the full run of this seed). */
  only?: readonly number[];
  onProgress?: (done: number) => void;
}

const normalise = (reason: string): string => reason.replace(/\d+/g, 'N').slice(0, 160);

export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now();
  const storeDir = mkdtempSync(join(tmpdir(), 'scr-fuzz-'));
  const timeoutMs = options.timeoutMs ?? 10_000;
  const pool = new ReadPool(storeLayout(storeDir), {
    workerScript: options.workerScript,
    size: options.workers ?? 2,
    taskTimeoutMs: timeoutMs,
    memoryMb: options.memoryMb ?? 256,
  });
  const report: FuzzReport = {
    seed: options.seed,
    inputs: 0,
    decoded: 0,
    headerOnly: 0,
    refused: 0,
    crashes: [],
    hangs: [],
    overMemory: [],
    reasons: new Map(),
    seconds: 0,
  };
  const one = async (input: number): Promise<void> => {
    // Each input has its own generator: input N of seed S is the same bytes in any run.
    const random = mulberry32(mixSeed(options.seed, input));
    const source = options.seeds[Math.floor(random() * options.seeds.length)]!;
    const mutation = MUTATIONS[Math.floor(random() * MUTATIONS.length)]!;
    const bytes = mutate(source.bytes, mutation, random);
    const result = await pool.check({ id: input, path: source.name, bytes, check: true });
    report.inputs++;
    const finding = (reason: string): FuzzFinding => ({ input, seed: source.name, mutation, reason });
    if (result.kind === 'checked') {
      if (result.decoded) report.decoded++;
      else report.headerOnly++;
    } else if (result.kind === 'refused') {
      report.refused++;
      const key = normalise(result.reason);
      report.reasons.set(key, (report.reasons.get(key) ?? 0) + 1);
    } else if (result.kind === 'crashed') report.crashes.push(finding(result.reason));
    else if (/took longer/.test(result.reason)) report.hangs.push(finding(result.reason));
    else if (/memory/i.test(result.reason)) report.overMemory.push(finding(result.reason));
    else report.crashes.push(finding(result.reason));
    if (report.inputs % 1000 === 0) options.onProgress?.(report.inputs);
  };
  try {
    const inFlight = new Set<Promise<void>>();
    const numbers = options.only ?? Array.from({ length: options.count }, (_, i) => i);
    for (const input of numbers) {
      const p = one(input).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= (options.workers ?? 2) * 2) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
    rmSync(storeDir, { recursive: true, force: true });
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function formatReport(r: FuzzReport): string {
  const lines = [
    `fuzz seed ${r.seed}: ${r.inputs} inputs in ${r.seconds.toFixed(0)} s`,
    `  decoded ${r.decoded}, header only ${r.headerOnly}, refused with a reason ${r.refused}`,
    `  crashes ${r.crashes.length}, hangs ${r.hangs.length}, over the memory limit ${r.overMemory.length}`,
    `  distinct refusal reasons: ${r.reasons.size}`,
    ...[...r.reasons]
      .sort((a, b) => b[1] - a[1])
      .map(([reason, n]) => `    ${String(n).padStart(7)}  ${reason}`),
    ...[...r.crashes, ...r.hangs, ...r.overMemory].map(
      (f) => `  input ${f.input} (${f.seed}, ${f.mutation}): ${f.reason}`,
    ),
  ];
  return lines.join('\n');
}
