import dcmjs from 'dcmjs';

/** One element as dcmjs reads it: `_rawValue` (exact original text) is what its writer prefers. */
export interface DcmElement {
  vr: string;
  Value?: unknown[];
  _rawValue?: unknown;
}
export type DcmDataset = Record<string, DcmElement>;

interface DcmjsDict {
  meta: DcmDataset;
  dict: DcmDataset;
  write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
}
interface DcmjsReader {
  DicomMessage: { readFile(buffer: ArrayBuffer, options?: { ignoreErrors?: boolean }): DcmjsDict };
  DicomDict: new (meta: DcmDataset) => DcmjsDict;
}

const data = (dcmjs as unknown as { data: DcmjsReader }).data;

export const DEFLATED_TS = '1.2.840.10008.1.2.1.99';
export const EXPLICIT_LE_TS = '1.2.840.10008.1.2.1';

/** Reads a Part 10 file into dcmjs's tag-keyed form (meta and dataset apart). */
export function readPart10(bytes: Uint8Array): { meta: DcmDataset; dict: DcmDataset } {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const read = data.DicomMessage.readFile(buffer, { ignoreErrors: true });
  return { meta: read.meta, dict: read.dict };
}

/** Writes meta + dataset as a Part 10 file in the transfer syntax the meta names. */
export function writePart10(meta: DcmDataset, dict: DcmDataset): Uint8Array {
  const out = new data.DicomDict(meta);
  out.dict = dict;
  return new Uint8Array(out.write({ allowInvalidVRLength: true }));
}

/** The first value of an element as text (person names: their alphabetic form). */
export function textOf(el: DcmElement | undefined): string | undefined {
  const v = el?.Value?.[0];
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && 'Alphabetic' in v) return String(v.Alphabetic);
  return undefined;
}

/** Every value of a text element (multi-valued strings, person names). */
export function textsOf(el: DcmElement | undefined): string[] {
  return (el?.Value ?? []).flatMap((v) =>
    typeof v === 'string'
      ? [v]
      : v && typeof v === 'object' && 'Alphabetic' in v
        ? [String(v.Alphabetic)]
        : [],
  );
}
