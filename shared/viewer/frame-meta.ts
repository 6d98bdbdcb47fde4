import type { DataSet } from 'dicom-parser';

/** What the viewer reads from a file besides its pixels, for one frame. */
export interface FrameMeta {
  modality: string | null;
  imagePosition: number[] | null;
  imageOrientation: number[] | null;
  pixelSpacing: number[] | null;
  imagerPixelSpacing: number[] | null;
  magnification: number | null;
  calibrationType: string | null;
  sliceThickness: number | null;
  /** Patient Orientation (0020,0020), e.g. ["P", "F"] for a left lateral radiograph. */
  patientOrientation: string[] | null;
  frameOfReferenceUid: string | null;
  /** SOP Instance UID, for the key image record. */
  sopInstanceUid: string | null;
}

const text = (ds: DataSet | undefined, tag: string, i = 0): string | null => {
  const v = ds?.string(tag, i)?.replace(/\0/g, '').trim();
  return v ? v : null;
};

function numbers(ds: DataSet | undefined, tag: string): number[] | null {
  if (!ds?.elements[tag]) return null;
  const count = ds.numStringValues(tag) ?? 0;
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = Number(text(ds, tag, i));
    if (!Number.isFinite(n)) return null;
    out.push(n);
  }
  return out.length ? out : null;
}

const item = (ds: DataSet | undefined, tag: string, index = 0): DataSet | undefined =>
  ds?.elements[tag]?.items?.[index]?.dataSet;

/**
 * An attribute of frame `frame`: from its Per-frame Functional Group, else the Shared one
 * (Enhanced CT/MR, PS3.3 C.7.6.16), else the top level of the dataset.
 */
function frameValue<T>(
  ds: DataSet,
  frame: number,
  sequence: string,
  read: (d: DataSet) => T | null,
): T | null {
  for (const group of [item(ds, 'x52009230', frame), item(ds, 'x52009229')]) {
    const inner = item(group, sequence);
    const v = inner ? read(inner) : null;
    if (v !== null) return v;
  }
  return read(ds);
}

export function readFrameMeta(ds: DataSet, frame = 0): FrameMeta {
  const thickness = frameValue(ds, frame, 'x00289110', (d) => numbers(d, 'x00180050')?.[0] ?? null);
  return {
    modality: text(ds, 'x00080060'),
    imagePosition: frameValue(ds, frame, 'x00209113', (d) => numbers(d, 'x00200032')),
    imageOrientation: frameValue(ds, frame, 'x00209116', (d) => numbers(d, 'x00200037')),
    pixelSpacing: frameValue(ds, frame, 'x00289110', (d) => numbers(d, 'x00280030')),
    imagerPixelSpacing: numbers(ds, 'x00181164'),
    magnification: numbers(ds, 'x00181114')?.[0] ?? null,
    calibrationType: text(ds, 'x00280a02'),
    sliceThickness: thickness,
    patientOrientation: (() => {
      const n = ds.numStringValues('x00200020') ?? 0;
      const v = Array.from({ length: n }, (_, i) => text(ds, 'x00200020', i) ?? '');
      return v.length >= 2 && v.every(Boolean) ? v : null;
    })(),
    frameOfReferenceUid: text(ds, 'x00200052'),
    sopInstanceUid: text(ds, 'x00080018'),
  };
}
