// The decode section shared by bench:decode and bench:viewer: one CT slice written in every transfer
// syntax (dcmtk and GDCM encode), then the viewer worker's own decode code (run in Node: parse + decode
// + display conversion) beside GDCM decoding the same file in one process, in turn three times each,
// so a change in the machine's load hits both alike. Figures only, never a verdict.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeCodecs } from '../../electron/services/codecs/node-codecs.ts';
import { decodeForView, parseForView } from '../../renderer/viewer/decode/decode-frame-for-view.ts';
import { median, round, spread } from './bench-support.ts';

const PYTHON = '/usr/bin/python3';
export const DECODE_SYNTAXES = [
  'native',
  'rle',
  'jpeg-ls',
  'jpeg-lossless',
  'jpeg-12bit',
  'jpeg-baseline',
  'j2k',
];

export interface DecodeFigures {
  fps: number;
  megapixelsPerSecond: number;
  gdcmFps: number;
  vsGdcm: ReturnType<typeof spread>;
  /**
   * The same ratio from each side's own CPU time (frames per CPU second): on a machine shared with
   * other work, wall-clock rates of a native loop and a JIT-compiled one suffer unequally; CPU time
   * keeps the comparison steadier. On a quiet machine both ratios agree.
   */
  vsGdcmCpu: ReturnType<typeof spread>;
}

interface Rate {
  fps: number;
  /** Frames per second of this process's CPU time. */
  cpuFps: number;
}

const python = (code: string, ...args: string[]): string =>
  execFileSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });

/** `slice` in every syntax of DECODE_SYNTAXES, as `<work>/<syntax>.dcm` (8-bit JPEG from bytes). */
function writeVariants(slice: string, work: string): (name: string) => string {
  const variant = (name: string): string => join(work, `${name}.dcm`);
  const run = (tool: string, args: string[]): boolean =>
    spawnSync(tool, args, { stdio: 'ignore' }).status === 0;
  copyFileSync(slice, variant('native'));
  run('dcmcrle', [slice, variant('rle')]);
  run('dcmcjpls', [slice, variant('jpeg-ls')]);
  run('dcmcjpeg', ['+e1', slice, variant('jpeg-lossless')]);
  run('dcmcjpeg', ['+ee', slice, variant('jpeg-12bit')]);
  // 8-bit baseline JPEG needs 8-bit samples: the slice windowed to bytes first.
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
  return variant;
}

/** Ours: read once, then parse + decode + display conversion for at least a second. */
async function ourFramesPerSecond(file: string): Promise<Rate & { megapixelsPerSecond: number }> {
  const bytes = readFileSync(file);
  const first = await decodeForView(parseForView(bytes), 0, nodeCodecs);
  let n = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t0 < 1000 || n < 5) {
    await decodeForView(parseForView(bytes), 0, nodeCodecs);
    n++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    fps: round(n / seconds, 1),
    cpuFps: round(n / ((cpu.user + cpu.system) / 1e6), 1),
    megapixelsPerSecond: round((n * first.rows * first.columns) / 1e6 / seconds),
  };
}

/** GDCM (python-gdcm) reading and decoding the same file in one process for a second: the reference. */
function gdcmFramesPerSecond(file: string): Rate {
  const [fps, cpuFps] = python(
    `import gdcm,sys,time
n=0; t=time.perf_counter(); c=time.process_time()
while time.perf_counter()-t<1 or n<5:
    r=gdcm.ImageReader(); r.SetFileName(sys.argv[1]); r.Read(); r.GetImage().GetBuffer(); n+=1
print(n/(time.perf_counter()-t), n/(time.process_time()-c))`,
    file,
  )
    .trim()
    .split(' ')
    .map(Number);
  return { fps: round(fps!, 1), cpuFps: round(cpuFps!, 1) };
}

/** Decode figures per syntax for `slice` (variants written into `work`), each line logged as it comes. */
export async function measureDecode(
  slice: string,
  work: string,
  log: (line: string) => void,
): Promise<Record<string, DecodeFigures>> {
  const variant = writeVariants(slice, work);
  const decode: Record<string, DecodeFigures> = {};
  for (const name of DECODE_SYNTAXES) {
    try {
      const ours: (Rate & { megapixelsPerSecond: number })[] = [];
      const gdcm: Rate[] = [];
      for (let i = 0; i < 3; i++) {
        gdcm.push(gdcmFramesPerSecond(variant(name)));
        ours.push(await ourFramesPerSecond(variant(name)));
      }
      const fps = median(ours.map((o) => o.fps));
      decode[name] = {
        fps,
        megapixelsPerSecond: median(ours.map((o) => o.megapixelsPerSecond)),
        gdcmFps: median(gdcm.map((g) => g.fps)),
        vsGdcm: spread(ours.map((o, i) => o.fps / gdcm[i]!.fps)),
        vsGdcmCpu: spread(ours.map((o, i) => o.cpuFps / gdcm[i]!.cpuFps)),
      };
      log(
        `decode ${name.padEnd(14)} ${String(fps).padStart(7)} frames/s   GDCM in process: ${decode[name].gdcmFps} frames/s   ratio ${decode[name].vsGdcm.median} (by CPU time ${decode[name].vsGdcmCpu.median})`,
      );
    } catch (e) {
      log(`decode ${name}: skipped (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return decode;
}
