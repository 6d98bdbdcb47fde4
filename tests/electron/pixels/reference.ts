// Reference pixel values for the decoder tests: pydicom (and dcmtk, for what pydicom cannot read),
// run as child processes. Debian's pydicom lives in /usr/bin/python3; the python3 first on PATH may
// be another build without it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toolsMissing } from '../../support/reference-tools.ts';
import type { PixelArray } from '../../../shared/dicom/decode-frame.ts';

export const PYTHON = '/usr/bin/python3';
export const CORPUS = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const HERE = import.meta.dirname;

export interface FrameReference {
  raw: string;
  min: number;
  max: number;
  sum: number;
  sha256: string;
}

export interface FileReference {
  file: string;
  path: string;
  status: 'ok' | 'no-pixel-data' | 'pydicom-failed' | 'unreadable';
  reason?: string;
  transferSyntax?: string;
  photometric?: string;
  dtype?: string;
  rows?: number;
  columns?: number;
  samples?: number;
  transform?: string | null;
  frames?: FrameReference[];
}

/** Why the reference cannot be made here (null when it can); under CI=true a missing tool throws. */
export function referenceUnavailable(): string | null {
  return toolsMissing(['pydicom-numpy', 'pydicom-corpus', 'dcmtk', 'gdcm']);
}

/** Relative paths of every file under `root`, sorted, as pydicom_reference.py walks them. */
export function walk(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix))
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(join(root, rel)).isDirectory() ? walk(root, rel) : [rel];
    });
}

function run(args: string[]): string {
  const r = spawnSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
  return r.stdout;
}

export interface Reference {
  dir: string;
  variantsDir: string;
  /** What make_variants.py made or skipped, by file name. */
  variants: Map<string, { madeBy?: string; skipped?: string }>;
  /** Keyed by `root-label/relative path`: `corpus/CT_small.dcm`, `variants/palette8.dcm`. */
  files: Map<string, FileReference>;
  dispose(): void;
}

/** Writes the extra test files and pydicom's reference for them and the corpus (~1 s). */
export function makeReference(): Reference {
  const dir = mkdtempSync(join(tmpdir(), 'pixels-ref-'));
  const variantsDir = join(dir, 'variants');
  const rawDir = join(dir, 'raw');
  mkdirSync(variantsDir);
  mkdirSync(rawDir);
  const variants = new Map<string, { madeBy?: string; skipped?: string }>();
  for (const line of run([join(HERE, 'make_variants.py'), variantsDir])
    .split('\n')
    .filter(Boolean)) {
    const v = JSON.parse(line) as { file: string; made_by?: string; skipped?: string };
    variants.set(v.file, {
      ...(v.made_by ? { madeBy: v.made_by } : {}),
      ...(v.skipped ? { skipped: v.skipped } : {}),
    });
  }
  const out = JSON.parse(run([join(HERE, 'pydicom_reference.py'), rawDir, CORPUS, variantsDir])) as {
    records: Array<FileReference & { root: string }>;
  };
  const files = new Map<string, FileReference>();
  for (const r of out.records) files.set(`${r.root === CORPUS ? 'corpus' : 'variants'}/${r.file}`, r);
  return { dir, variantsDir, variants, files, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

type Numeric = ArrayLike<number>;

/** A raw little-endian array written by pydicom_reference.py, as a typed array of its dtype. */
export function readRaw(path: string, dtype: string): Numeric {
  const b = readFileSync(path);
  const buffer = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  const types: Record<string, new (buffer: ArrayBuffer) => Numeric> = {
    uint8: Uint8Array,
    int8: Int8Array,
    uint16: Uint16Array,
    int16: Int16Array,
    uint32: Uint32Array,
    int32: Int32Array,
    float32: Float32Array,
    float64: Float64Array,
  };
  const Type = types[dtype];
  if (!Type) throw new Error(`unexpected dtype ${dtype}`);
  return new Type(buffer);
}

/** Largest absolute difference between two arrays of equal length (Infinity if lengths differ). */
export function maxAbsDiff(ours: PixelArray, reference: Numeric): number {
  if (ours.length !== reference.length) return Infinity;
  let max = 0;
  for (let i = 0; i < ours.length; i++) max = Math.max(max, Math.abs(ours[i]! - reference[i]!));
  return max;
}

/** dcmtk's view of a file's native Pixel Data: `dcmdump +W` writes the value's bytes to a file. */
export function dcmtkRawPixelData(path: string, dir: string): Uint8Array | null {
  const r = spawnSync('dcmdump', ['+W', dir, path], { encoding: 'utf8' });
  if (r.status !== 0 || r.error) return null;
  const written = /\(7fe0,0010\) \w\w =(\S+)/.exec(r.stdout)?.[1];
  return written ? new Uint8Array(readFileSync(written)) : null;
}
