import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PhantomManifest,
  generatePhantom,
} from '../../../electron/services/phantom/generate-phantom.ts';
import { titled, toolsMissing } from '../../support/reference-tools.ts';
import { type ParsedDicom, TAG, readDicom } from './read-dicom.ts';

// Small CT (40 slices, but full 512² in-plane so the 2 mm halo is resolvable), default DX and MR.
const OPTIONS = { seed: 7, ctSlices: 40, ctMatrix: 512 } as const;
const DCIODVFY = '/usr/bin/dciodvfy';

let dirA = '';
let dirB = '';
let manifest: PhantomManifest;

beforeAll(async () => {
  dirA = mkdtempSync(join(tmpdir(), 'phantom-a-'));
  dirB = mkdtempSync(join(tmpdir(), 'phantom-b-'));
  manifest = await generatePhantom({ outDir: dirA, ...OPTIONS });
}, 120_000);

afterAll(() => {
  for (const d of [dirA, dirB]) if (d) rmSync(d, { recursive: true, force: true });
});

const series = (modality: string, description?: string) =>
  manifest.series.filter(
    (s) => s.modality === modality && (!description || s.seriesDescription.includes(description)),
  );
const read = (file: string): ParsedDicom => readDicom(join(dirA, file));

/** Patient point → (column, row) of an image plane from its DICOM geometry. */
function toPixel(d: ParsedDicom, p: readonly [number, number, number]): [number, number] {
  const ipp = d.nums(TAG.position);
  const iop = d.nums(TAG.orientation);
  const [rs, cs] = d.nums(TAG.pixelSpacing) as [number, number];
  const v = [p[0] - (ipp[0] as number), p[1] - (ipp[1] as number), p[2] - (ipp[2] as number)];
  const along = (k: number) =>
    (v[0] as number) * (iop[k] as number) +
    (v[1] as number) * (iop[k + 1] as number) +
    (v[2] as number) * (iop[k + 2] as number);
  return [along(0) / cs, along(3) / rs];
}

describe('generatePhantom', () => {
  it('writes CT, DX and MR series and a ground truth that lists them', () => {
    expect(series('CT')).toHaveLength(1);
    expect(series('CT')[0]?.files).toHaveLength(40);
    expect(series('DX').map((s) => s.seriesDescription)).toEqual([
      'LAT STANDING FULL SPINE',
      'AP STANDING FULL SPINE',
      'LAT FLEXION L-SPINE',
      'LAT EXTENSION L-SPINE',
    ]);
    expect(series('MR').map((s) => s.seriesDescription)).toEqual(['SAG T2 TSE', 'AX T2 TSE L3-L4']);
    const gt = JSON.parse(
      readFileSync(join(dirA, 'ground-truth.json'), 'utf8'),
    ) as PhantomManifest['groundTruth'];
    expect(gt.synthetic).toBe(true);
    expect(gt.series.flatMap((s) => s.files)).toEqual(manifest.series.flatMap((s) => s.files));
    for (const f of gt.series.flatMap((s) => s.files)) expect(existsSync(join(dirA, f))).toBe(true);
  });

  it('writes valid Part 10 headers with consistent, deterministic UIDs', () => {
    const all = manifest.series.flatMap((s) => s.files.map((f) => ({ s, d: read(f) })));
    const sops = new Set<string>();
    for (const { s, d } of all) {
      expect(d.str(TAG.transferSyntax)).toBe('1.2.840.10008.1.2.1');
      expect(d.str(TAG.mediaSopInstance)).toBe(d.str(TAG.sopInstance));
      expect(d.str(TAG.mediaSopClass)).toBe(s.sopClassUid);
      expect(d.str(TAG.implementationClass)).toMatch(/^2\.25\.\d+$/);
      expect(d.str(TAG.studyUid)).toBe(s.studyInstanceUid);
      expect(d.str(TAG.seriesUid)).toBe(s.seriesInstanceUid);
      expect(d.str(TAG.sopInstance).length).toBeLessThanOrEqual(64);
      expect(d.str(TAG.patientName)).toBe('DEMO^REVISION');
      expect(d.str(TAG.patientId)).toBe('DEMO-0007');
      expect(d.str(TAG.patientComments)).toContain('SYNTHETIC');
      expect(d.str(TAG.burnedIn)).toBe('NO');
      sops.add(d.str(TAG.sopInstance));
    }
    expect(sops.size).toBe(all.length);
    // One study per modality; CT and MR share the frame of reference.
    expect(new Set(manifest.series.map((s) => s.studyInstanceUid)).size).toBe(3);
    const ct = read(series('CT')[0]?.files[0] ?? '');
    const mr = read(series('MR')[0]?.files[0] ?? '');
    expect(ct.str(TAG.frameOfReference)).toMatch(/^2\.25\./);
    expect(mr.str(TAG.frameOfReference)).toBe(ct.str(TAG.frameOfReference));
  });

  it('keeps CT geometry coherent from slice to slice', () => {
    const files = series('CT')[0]?.files ?? [];
    const slices = files.map(read);
    const spacing = slices[0]?.num(TAG.spacingBetweenSlices) ?? NaN;
    expect(spacing).toBeCloseTo(375 / 40, 3);
    slices.forEach((d, i) => {
      expect(d.nums(TAG.orientation)).toEqual([1, 0, 0, 0, 1, 0]);
      expect(d.nums(TAG.pixelSpacing)).toEqual(slices[0]?.nums(TAG.pixelSpacing));
      expect(d.num(TAG.sliceThickness)).toBeCloseTo(spacing, 3);
      expect(Number(d.str(TAG.instanceNumber))).toBe(i + 1);
      expect(d.num(TAG.intercept)).toBe(-1024);
      if (i > 0)
        expect((slices[i - 1]?.num(TAG.position, 2) ?? NaN) - d.num(TAG.position, 2)).toBeCloseTo(spacing, 3);
    });
  });

  it('shows metal at the screws and a lucent halo round the loose left S1 screw only', () => {
    const gt = manifest.groundTruth;
    const files = series('CT')[0]?.files ?? [];
    const slices = files.map(read);
    const huAt = (d: ParsedDicom, p: readonly [number, number, number]) => {
      const [c, r] = toPixel(d, p);
      return (d.pixels()[Math.round(r) * d.us(TAG.columns) + Math.round(c)] as number) - 1024;
    };
    // For each S1 screw, the slice nearest the middle of its shank: metal on the axis, then the
    // mean HU on a ring 1.0–1.5 mm outside the thread (inside the halo of the loose one).
    const ring = (side: 'left' | 'right') => {
      const s = gt.screws.find((x) => x.vertebra === 'S1' && x.side === side);
      if (!s) throw new Error('no screw');
      const mid = [0.4, 0.5, 0.6].map(
        (t) =>
          [0, 1, 2].map(
            (k) => (s.entry[k] as number) + ((s.tip[k] as number) - (s.entry[k] as number)) * t,
          ) as [number, number, number],
      );
      const d = slices.reduce((best, x) =>
        Math.abs(x.num(TAG.position, 2) - (mid[1]?.[2] ?? 0)) <
        Math.abs(best.num(TAG.position, 2) - (mid[1]?.[2] ?? 0))
          ? x
          : best,
      );
      const z = d.num(TAG.position, 2);
      const t = (z - s.entry[2]) / (s.tip[2] - s.entry[2]);
      const axis: [number, number, number] = [
        s.entry[0] + (s.tip[0] - s.entry[0]) * t,
        s.entry[1] + (s.tip[1] - s.entry[1]) * t,
        z,
      ];
      expect(huAt(d, axis)).toBeGreaterThan(2500);
      // Sample perpendicular to the screw within the slice (the screw lies almost in-plane).
      const len = Math.hypot(s.tip[0] - s.entry[0], s.tip[1] - s.entry[1]);
      const u = [(s.tip[0] - s.entry[0]) / len, (s.tip[1] - s.entry[1]) / len] as const;
      const values: number[] = [];
      for (const along of [-3, 0, 3]) {
        for (const side of [1, -1]) {
          for (const r of [4.2, 4.6])
            values.push(
              huAt(d, [
                axis[0] + u[0] * along - side * u[1] * r,
                axis[1] + u[1] * along + side * u[0] * r,
                z,
              ]),
            );
        }
      }
      values.sort((x, y) => x - y);
      return values[Math.floor(values.length / 2)] as number;
    };
    const loose = ring('left');
    const intact = ring('right');
    expect(loose).toBeLessThan(150);
    expect(intact).toBeGreaterThan(loose + 150);
  });

  it('puts the DX geometry in the tags and the hardware where the ground truth projects it', () => {
    const gt = manifest.groundTruth;
    const lat = read(series('DX', 'LAT STANDING')[0]?.files[0] ?? '');
    const truth = gt.radiographs.lateral;
    expect(lat.str(TAG.viewPosition)).toBe('LL');
    expect(lat.str(TAG.patientOrientation)).toBe('P\\F');
    expect(lat.num(TAG.imagerPixelSpacing)).toBeCloseTo(truth.imagerPixelSpacingMm, 6);
    expect(lat.str(TAG.pixelSpacing)).toBe('');
    expect(lat.num(TAG.ermf)).toBeCloseTo(truth.magnification, 5);
    expect(lat.us(TAG.columns)).toBe(truth.columns);
    const px = lat.pixels();
    const sorted = Float64Array.from(px).sort();
    const p99 = sorted[Math.floor(sorted.length * 0.99)] as number;
    // The S1 screws project onto near-white pixels (metal) at the ground-truth position.
    const geometry = (p: readonly [number, number, number]) => {
      const s = truth.landmarks.s1Mid;
      // Midsagittal points: uniform magnification about the S1 midpoint.
      const k = truth.magnification / truth.imagerPixelSpacingMm;
      return [s.image[0] + (p[1] - s.patient[1]) * k, s.image[1] - (p[2] - s.patient[2]) * k];
    };
    const s1 = gt.screws.find((s) => s.vertebra === 'S1' && s.side === 'left');
    if (!s1) throw new Error('no screw');
    const m: [number, number, number] = [0, (s1.entry[1] + s1.tip[1]) / 2, (s1.entry[2] + s1.tip[2]) / 2];
    const [c, r] = geometry(m);
    expect(px[Math.round(r as number) * truth.columns + Math.round(c as number)]).toBeGreaterThanOrEqual(p99);
    // Landmarks fall inside the film.
    for (const l of Object.values(truth.landmarks)) {
      expect(l.image[0]).toBeGreaterThan(0);
      expect(l.image[0]).toBeLessThan(truth.columns);
      expect(l.image[1]).toBeGreaterThan(0);
      expect(l.image[1]).toBeLessThan(truth.rows);
    }
  });

  it('shows a dark L3–L4 disc and bright L2–L3 disc on the midline T2', () => {
    const sag = series('MR', 'SAG')[0]?.files ?? [];
    const mid = read(sag[7] ?? '');
    expect(mid.num(TAG.position, 0)).toBeCloseTo(0, 3);
    const l = manifest.groundTruth.landmarks;
    const discCentre = (a: readonly number[], b: readonly number[]) =>
      [0, ((a[1] as number) + (b[1] as number)) / 2, ((a[2] as number) + (b[2] as number)) / 2] as [
        number,
        number,
        number,
      ];
    const signal = (p: [number, number, number]) => {
      const [c, r] = toPixel(mid, p);
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -2; dx <= 2; dx++)
          sum += mid.pixels()[(Math.round(r) + dy) * mid.us(TAG.columns) + Math.round(c) + dx] as number;
      return sum / 15;
    };
    // L3–L4 disc centre from the endplate corners; L2–L3 is ~36 mm above along the spine.
    const l34 = discCentre(l.l3LowerAnterior, l.l4UpperPosterior);
    const l23: [number, number, number] = [0, l34[1] - 2, l34[2] + 36];
    expect(signal(l34)).toBeLessThan(signal(l23) * 0.5);
  });

  it('is deterministic: the same seed gives byte-identical files', async () => {
    const other = await generatePhantom({ outDir: dirB, ...OPTIONS });
    const hash = (dir: string, f: string) =>
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex');
    const files = manifest.series.flatMap((s) => s.files);
    expect(other.series.flatMap((s) => s.files)).toEqual(files);
    for (const f of [...files, 'ground-truth.json']) expect(hash(dirB, f)).toBe(hash(dirA, f));
  }, 120_000);

  const dciodvfyMissing = toolsMissing(['dciodvfy']);
  it.skipIf(dciodvfyMissing !== null)(
    titled('passes dciodvfy for one file of every series without errors', dciodvfyMissing),
    () => {
      for (const s of manifest.series) {
        const file = join(dirA, s.files[0] ?? '');
        const r = spawnSync(DCIODVFY, [file], { encoding: 'utf8' });
        const lines = `${r.stdout}\n${r.stderr}`.split('\n');
        expect(
          lines.filter((x) => /^Error/.test(x)),
          `${s.folder}: ${lines.join('\n')}`,
        ).toEqual([]);
      }
    },
  );
});
