// bench:decode — decode frames/s per transfer syntax with the viewer worker's own decode code (run in
// Node: parse + decode + display conversion) beside GDCM decoding the same file in one process, in
// turn three times each. The same figures as bench:viewer's decode section, without a browser, so
// the decoders can be measured on their own. Figures only, never a verdict. Last line: JSON.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeCodecs } from '../../electron/services/codecs/node-codecs.ts';
import { decodeForView, parseForView } from '../../renderer/viewer/decode/decode-frame-for-view.ts';
import { benchPhantom, median, printFigures, round, spread } from './bench-support.ts';

const CT_SLICES = Number(process.env.SCR_BENCH_CT_SLICES ?? 300);
const CT_MATRIX = Number(process.env.SCR_BENCH_CT_MATRIX ?? 512);
const PYTHON = '/usr/bin/python3';
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

// The middle CT slice in every transfer syntax (dcmtk and GDCM encode; 8-bit JPEG needs 8-bit samples).
const variant = (name: string): string => join(work, `${name}.dcm`);
const run = (tool: string, args: string[]): boolean =>
  spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
const python = (code: string, ...args: string[]): string =>
  execFileSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
copyFileSync(slice, variant('native'));
run('dcmcrle', [slice, variant('rle')]);
run('dcmcjpls', [slice, variant('jpeg-ls')]);
run('dcmcjpeg', ['+e1', slice, variant('jpeg-lossless')]);
run('dcmcjpeg', ['+ee', slice, variant('jpeg-12bit')]);
python(
  `import pydicom,sys,numpy as np
d=pydicom.dcmread(sys.argv[1]); a=d.pixel_array.astype(np.int32)
d.PixelData=np.clip((a-a.min())*255//max(1,a.max()-a.min()),0,255).astype(np.uint8).tobytes()
d.BitsAllocated=d.BitsStored=8; d.HighBit=7; d.PixelRepresentation=0; d.save_as(sys.argv[2])`,
  slice,
  variant('native-8bit'),
);
run('dcmcjpeg', ['+eb', variant('native-8bit'), variant('jpeg-baseline')]);
python(
  `import gdcm,sys
r=gdcm.ImageReader(); r.SetFileName(sys.argv[1]); assert r.Read()
c=gdcm.ImageChangeTransferSyntax(); c.SetTransferSyntax(gdcm.TransferSyntax(gdcm.TransferSyntax.JPEG2000Lossless)); c.SetInput(r.GetImage()); assert c.Change()
w=gdcm.ImageWriter(); w.SetFileName(sys.argv[2]); w.SetFile(r.GetFile()); w.SetImage(c.GetOutput()); assert w.Write()`,
  slice,
  variant('j2k'),
);

const SYNTAXES = ['native', 'rle', 'jpeg-ls', 'jpeg-lossless', 'jpeg-12bit', 'jpeg-baseline', 'j2k'];

/** Ours: read once, then parse + decode + display conversion for at least a second. */
async function ourFramesPerSecond(file: string): Promise<number> {
  const bytes = readFileSync(file);
  await decodeForView(parseForView(bytes), 0, nodeCodecs);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000 || n < 5) {
    await decodeForView(parseForView(bytes), 0, nodeCodecs);
    n++;
  }
  return round(n / ((performance.now() - t0) / 1000), 1);
}

/** GDCM (python-gdcm) reading and decoding the same file in one process for a second: the reference. */
const gdcmFramesPerSecond = (file: string): number =>
  round(
    Number(
      python(
        `import gdcm,sys,time
n=0; t=time.perf_counter()
while time.perf_counter()-t<1 or n<5:
    r=gdcm.ImageReader(); r.SetFileName(sys.argv[1]); r.Read(); r.GetImage().GetBuffer(); n+=1
print(n/(time.perf_counter()-t))`,
        file,
      ).trim(),
    ),
    1,
  );

const decode: Record<string, { fps: number; gdcmFps: number; vsGdcm: ReturnType<typeof spread> }> = {};
for (const name of SYNTAXES) {
  try {
    const ours: number[] = [];
    const gdcm: number[] = [];
    for (let i = 0; i < 3; i++) {
      gdcm.push(gdcmFramesPerSecond(variant(name)));
      ours.push(await ourFramesPerSecond(variant(name)));
    }
    decode[name] = {
      fps: median(ours),
      gdcmFps: median(gdcm),
      vsGdcm: spread(ours.map((o, i) => o / gdcm[i]!)),
    };
    console.log(
      `decode ${name.padEnd(14)} ${String(median(ours)).padStart(7)} frames/s   GDCM in process: ${median(gdcm)} frames/s   ratio ${decode[name].vsGdcm.median}`,
    );
  } catch (e) {
    console.log(`decode ${name}: skipped (${e instanceof Error ? e.message : String(e)})`);
  }
}
rmSync(work, { recursive: true, force: true });
printFigures('decode', { ctMatrix: CT_MATRIX, decode, goals: { decodeVsGdcm: 1 } });
