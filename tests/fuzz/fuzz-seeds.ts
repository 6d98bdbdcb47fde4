import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generatePhantom } from '../../electron/services/phantom/generate-phantom.ts';
import type { FuzzSeed } from './run-fuzz.ts';

/** Seeds larger than this slow every input down without reaching new code. */
const MAX_SEED_BYTES = 256 * 1024;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every small file of pydicom's corpus (every transfer syntax and quirk it has). */
export function corpusSeeds(corpus: string): FuzzSeed[] {
  return filesUnder(corpus)
    .filter((f) => statSync(f).size <= MAX_SEED_BYTES)
    .sort()
    .map((f) => ({ name: relative(corpus, f), bytes: new Uint8Array(readFileSync(f)) }));
}

/** One file of each series of a small synthetic phantom (CT, MR, radiographs). */
export async function phantomSeeds(outDir: string): Promise<FuzzSeed[]> {
  const manifest = await generatePhantom({
    outDir,
    seed: 3,
    ctSlices: 2,
    ctMatrix: 64,
    include: ['ct', 'mr', 'dx'],
  });
  return manifest.series
    .map((s) => {
      const file = join(manifest.outDir, s.files[0]!);
      return { name: `phantom/${s.folder}`, bytes: new Uint8Array(readFileSync(file)) };
    })
    .filter((s) => s.bytes.length <= 4 * MAX_SEED_BYTES);
}
