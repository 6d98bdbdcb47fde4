// bench:decode — decode frames/s per transfer syntax with the viewer worker's own decode code (run in
// Node: parse + decode + display conversion) beside GDCM decoding the same file in one process, in
// turn three times each. The same figures as bench:viewer's decode section, without a browser, so
// the decoders can be measured on their own. Figures only, never a verdict. Last line: JSON.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchPhantom, printFigures } from './bench-support.ts';
import { measureDecode } from './decode-section.ts';

const CT_SLICES = Number(process.env.SCR_BENCH_CT_SLICES ?? 300);
const CT_MATRIX = Number(process.env.SCR_BENCH_CT_MATRIX ?? 512);
const work = mkdtempSync(join(tmpdir(), 'scr-bench-decode-'));

const phantomDir = await benchPhantom(`viewer-${CT_SLICES}x${CT_MATRIX}`, {
  ctSlices: CT_SLICES,
  ctMatrix: CT_MATRIX,
});
const truth = JSON.parse(readFileSync(join(phantomDir, 'ground-truth.json'), 'utf8')) as {
  series: { modality: string; folder: string }[];
};
const ctFolder = join(phantomDir, truth.series.find((s) => s.modality === 'CT')!.folder);
const ctFiles = readdirSync(ctFolder).sort();
const slice = join(ctFolder, ctFiles[ctFiles.length >> 1]!);

const decode = await measureDecode(slice, work, (line) => console.log(line));
rmSync(work, { recursive: true, force: true });
printFigures('decode', { ctMatrix: CT_MATRIX, decode, goals: { decodeVsGdcm: 1 } });
