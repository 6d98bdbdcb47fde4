import { resolve } from 'node:path';
import { call } from '../call.ts';
import type { Command } from '../command.ts';
import { stringOption } from '../command.ts';
import { printSummary } from './import.ts';

export const demoCommand: Command = {
  name: 'demo',
  summary:
    'Write the synthetic demo imaging (CT, standing X-rays, MRI of a failed L4–S1 fusion) and its ground truth.',
  usage: 'demo [--out DIR] [--seed N] [--slices N] [--matrix N] [--json]',
  options: {
    out: { type: 'string' },
    seed: { type: 'string' },
    slices: { type: 'string' },
    matrix: { type: 'string' },
  },
  needsBackend: false,
  async run({ values, io }) {
    const number = (name: string): number | undefined => {
      const v = stringOption(values, name);
      return v === undefined ? undefined : Number(v);
    };
    const seed = number('seed');
    const ctSlices = number('slices');
    const ctMatrix = number('matrix');
    // Loaded on use: the generator's tables would otherwise be built at every CLI start.
    const { generatePhantom } = await import('../../services/phantom/generate-phantom.ts');
    const manifest = await generatePhantom({
      outDir: resolve(stringOption(values, 'out') ?? 'demo-case'),
      ...(seed !== undefined ? { seed } : {}),
      ...(ctSlices !== undefined ? { ctSlices } : {}),
      ...(ctMatrix !== undefined ? { ctMatrix } : {}),
    });
    const series = manifest.series.map((s) => ({
      modality: s.modality,
      description: s.seriesDescription,
      files: s.files.length,
    }));
    if (io.json)
      return io.out(
        JSON.stringify({ outDir: manifest.outDir, groundTruth: manifest.groundTruthFile, series }, null, 2),
      );
    io.out(`Demo imaging written to ${manifest.outDir} (ground truth: ${manifest.groundTruthFile})`);
    for (const s of series) io.out(`  ${s.modality.padEnd(3)} ${s.description}: ${s.files} files`);
  },
};

export const loadDemoCommand: Command = {
  name: 'load-demo',
  summary: 'Create the demo case in the database with its imaging imported.',
  usage: 'load-demo [--json]',
  options: {},
  needsBackend: true,
  async run({ backend, io }) {
    const { caseId, importId } = await call(backend, 'demo.load', {});
    if (importId === null) {
      if (io.json)
        return io.out(JSON.stringify({ caseId, existing: true, imported: 0, failed: [] }, null, 2));
      return io.out(`The demo case already exists: case ${caseId}.`);
    }
    await backend!.ctx.imports.wait(importId);
    const progress = await call(backend, 'imports.status', { importId });
    if (io.json)
      return io.out(
        JSON.stringify({ caseId, imported: progress.imported, failed: progress.failed }, null, 2),
      );
    io.out(`Demo case ${caseId} created.`);
    printSummary(io, progress);
  },
};
