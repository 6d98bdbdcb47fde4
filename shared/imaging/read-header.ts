import type { DataSet } from 'dicom-parser';
import { decodeText } from './charset.ts';
import type { InstanceHeader } from './header.ts';
import { PixelDecodeError } from '../dicom/errors.ts';
import type { ParsedDicom } from '../dicom/parse.ts';
import { truncatedPixelDataWarning } from '../dicom/parse.ts';

export const DICOMDIR_SOP_CLASS = '1.2.840.10008.1.3.10';

export type HeaderReading =
  | { kind: 'instance'; header: InstanceHeader; decodable: boolean; warnings: string[] }
  | { kind: 'dicomdir'; referencedFiles: string[][] };

const str = (ds: DataSet, tag: string): string | null => {
  const v = ds.string(tag)?.replace(/\0/g, '').trim();
  return v ? v : null;
};

function text(ds: DataSet, tag: string, charset: string | null): string | null {
  const el = ds.elements[tag];
  if (!el || !el.length || el.dataOffset === undefined) return null;
  const raw = (ds.byteArray as Uint8Array).subarray(el.dataOffset, el.dataOffset + el.length);
  const v = decodeText(raw, charset)
    .replace(/[\0 ]+$/, '')
    .trim();
  return v || null;
}

/** Person names: trailing empty component groups ("Doe^John==") are dropped. */
const personName = (ds: DataSet, tag: string, cs: string | null): string | null =>
  text(ds, tag, cs)?.replace(/[=^]+$/, '') || null;

function numbers(ds: DataSet, tag: string): number[] | null {
  const n = ds.numStringValues(tag);
  if (!n) return null;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = ds.floatString(tag, i);
    if (v === undefined || !Number.isFinite(v)) return null;
    out.push(v);
  }
  return out;
}

const first = (values: number[] | null): number | null => values?.[0] ?? null;
const int = (ds: DataSet, tag: string): number | null => {
  const v = ds.intString(tag);
  return v === undefined || Number.isNaN(v) ? null : v;
};
const us = (ds: DataSet, tag: string): number | null =>
  ds.elements[tag]?.length ? (ds.uint16(tag) ?? null) : null;

/** A DICOM date (YYYYMMDD) as ISO, or null when absent or malformed. */
function isoDate(v: string | null): string | null {
  const m = v && /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function required(ds: DataSet, tag: string, name: string): string {
  const v = str(ds, tag);
  if (!v)
    throw new PixelDecodeError(
      `missing ${name} (${tag.slice(1, 5).toUpperCase()},${tag.slice(5).toUpperCase()})`,
    );
  return v;
}

/** Fails files whose pixel data is cut short (a damaged copy): showing part of an image is unsafe. */
function checkComplete(parsed: ParsedDicom, fileSize: number): void {
  const px = parsed.pixelData;
  if (!px || px.encapsulated) return;
  // Where the value starts in the file: the parsed bytes may be only the file's head (reindex).
  const start = px.bytes.byteOffset - (parsed.dataSet.byteArray as Uint8Array).byteOffset;
  const held = Math.min(px.declaredLength, fileSize - start);
  if (held >= px.declaredLength) return;
  throw new PixelDecodeError(
    `truncated: the pixel data holds ${held} of the ${px.declaredLength} bytes it declares`,
  );
}

function dicomdirReferences(ds: DataSet): string[][] {
  const records = ds.elements.x00041220?.items ?? [];
  const files: string[][] = [];
  for (const item of records) {
    const id = item.dataSet?.string('x00041500');
    if (id)
      files.push(
        id
          .split('\\')
          .map((p) => p.trim())
          .filter(Boolean),
      );
  }
  return files;
}

/**
 * Reads the index fields of one parsed file; throws PixelDecodeError when a required identifier is
 * missing. `fileSize` is the whole file's size when only its head was parsed.
 */
function readHeaderFields(parsed: ParsedDicom, fileSize?: number): HeaderReading {
  const ds = parsed.dataSet;
  const sopClass = str(ds, 'x00080016') ?? str(ds, 'x00020002');
  if (sopClass === DICOMDIR_SOP_CLASS || ds.elements.x00041220)
    return { kind: 'dicomdir', referencedFiles: dicomdirReferences(ds) };
  checkComplete(parsed, fileSize ?? (parsed.dataSet.byteArray as Uint8Array).length);
  const cs = ds.string('x00080005') ?? null;
  const warnings: string[] = [];
  if (parsed.layout === 'bare-dataset') warnings.push('no DICOM file meta header');
  // Only the head was parsed (reindex): its pixel data ends early by design, and checkComplete
  // has already judged the whole file.
  const headEnd = (parsed.dataSet.byteArray as Uint8Array).length;
  const cutByHead = fileSize !== undefined && fileSize > headEnd ? truncatedPixelDataWarning(headEnd) : null;
  warnings.push(...parsed.warnings.filter((w) => w !== cutByHead));
  const studyUid = required(ds, 'x0020000d', 'Study Instance UID');
  const seriesUid = required(ds, 'x0020000e', 'Series Instance UID');
  const sopInstanceUid = str(ds, 'x00080018') ?? str(ds, 'x00020003');
  if (!sopInstanceUid) throw new PixelDecodeError('missing SOP Instance UID (0008,0018)');
  if (!sopClass) throw new PixelDecodeError('missing SOP Class UID (0008,0016)');
  const patientName = personName(ds, 'x00100010', cs);
  const birthDate = isoDate(str(ds, 'x00100030'));
  let patientId = text(ds, 'x00100020', cs);
  if (!patientId) {
    warnings.push('no Patient ID: grouped by name and birth date');
    patientId = `NO-ID:${patientName ?? 'unknown'}:${birthDate ?? ''}`;
  }
  const hasPixelData = parsed.pixelData !== null;
  const decodable = !hasPixelData || parsed.transferSyntax.supported;
  if (!decodable) warnings.push(`transfer syntax ${parsed.transferSyntax.uid} cannot be displayed`);
  const sex = str(ds, 'x00100040');
  return {
    kind: 'instance',
    decodable,
    warnings,
    header: {
      patient: {
        id: patientId,
        issuer: text(ds, 'x00100021', cs),
        name: patientName,
        birthDate,
        sex: sex && ['F', 'M', 'O'].includes(sex) ? sex : null,
      },
      study: {
        uid: studyUid,
        date: isoDate(str(ds, 'x00080020')),
        time: str(ds, 'x00080030'),
        description: text(ds, 'x00081030', cs),
        accession: text(ds, 'x00080050', cs),
        referringPhysician: personName(ds, 'x00080090', cs),
        studyId: text(ds, 'x00200010', cs),
      },
      series: {
        uid: seriesUid,
        modality: str(ds, 'x00080060'),
        number: int(ds, 'x00200011'),
        description: text(ds, 'x0008103e', cs),
        bodyPart: str(ds, 'x00180015'),
        protocol: text(ds, 'x00181030', cs),
        frameOfReferenceUid: str(ds, 'x00200052'),
      },
      instance: {
        sopClassUid: sopClass,
        sopInstanceUid,
        number: int(ds, 'x00200013'),
        transferSyntax: parsed.transferSyntax.uid,
        rows: us(ds, 'x00280010'),
        columns: us(ds, 'x00280011'),
        frames: int(ds, 'x00280008') ?? 1,
        bitsAllocated: us(ds, 'x00280100'),
        bitsStored: us(ds, 'x00280101'),
        pixelRepresentation: us(ds, 'x00280103'),
        photometric: str(ds, 'x00280004'),
        pixelSpacing: numbers(ds, 'x00280030'),
        imagerPixelSpacing: numbers(ds, 'x00181164'),
        sliceThickness: first(numbers(ds, 'x00180050')),
        imagePosition: numbers(ds, 'x00200032'),
        imageOrientation: numbers(ds, 'x00200037'),
        windowCenter: numbers(ds, 'x00281050'),
        windowWidth: numbers(ds, 'x00281051'),
        rescaleSlope: first(numbers(ds, 'x00281053')),
        rescaleIntercept: first(numbers(ds, 'x00281052')),
        viewPosition: str(ds, 'x00185101'),
        hasPixelData,
      },
    },
  };
}

/**
 * Reads the index fields of one parsed file; throws PixelDecodeError when a required identifier is
 * missing or an element's value runs past the end of the file (dicom-parser's bare error, found by fuzzing).
 */
export function readHeader(parsed: ParsedDicom, fileSize?: number): HeaderReading {
  try {
    return readHeaderFields(parsed, fileSize);
  } catch (e) {
    if (e instanceof PixelDecodeError || !/past end of buffer/.test(String(e))) throw e;
    throw new PixelDecodeError(
      'An element of the header runs past the end of the file (truncated or damaged).',
    );
  }
}
