// Builds small DICOM files in memory for the pure decoder tests (explicit or implicit VR little
// endian, with or without preamble and file meta, native or encapsulated Pixel Data).

export interface Element {
  tag: number;
  vr: string;
  value: Uint8Array;
  /** Write 0xFFFFFFFF (encapsulated Pixel Data: `value` holds the items and the delimiter). */
  undefinedLength?: boolean;
}

const LONG_VRS = new Set(['OB', 'OW', 'OF', 'OD', 'OL', 'OV', 'SQ', 'UT', 'UN', 'UC', 'UR', 'SV', 'UV']);
/** ASCII bytes (the test files hold only ASCII text). */
const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function le(n: number, bytes: number): Uint8Array {
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) out[i] = Math.floor(n / 256 ** i) % 256;
  return out;
}

export const us = (...values: number[]): Uint8Array => concat(values.map((v) => le(v & 0xffff, 2)));
export const u16le = (values: ArrayLike<number>): Uint8Array =>
  concat(Array.from(values, (v) => le(v & 0xffff, 2)));
export const text = (s: string): Uint8Array => ascii(s.length % 2 ? `${s} ` : s);
export const uid = (s: string): Uint8Array => concat([ascii(s), new Uint8Array(s.length % 2)]);

function encodeElement(e: Element, explicit: boolean): Uint8Array {
  const tag = concat([le(e.tag >>> 16, 2), le(e.tag & 0xffff, 2)]);
  const length = e.undefinedLength ? 0xffffffff : e.value.length;
  if (!explicit) return concat([tag, le(length, 4), e.value]);
  const vr = ascii(e.vr);
  if (LONG_VRS.has(e.vr)) return concat([tag, vr, new Uint8Array(2), le(length, 4), e.value]);
  return concat([tag, vr, le(length, 2), e.value]);
}

export function dataset(elements: Element[], explicit = true): Uint8Array {
  return concat([...elements].sort((a, b) => a.tag - b.tag).map((e) => encodeElement(e, explicit)));
}

export interface FileOptions {
  preamble?: boolean;
  meta?: boolean;
  /** Write the dataset implicit VR whatever the transfer syntax says. */
  implicit?: boolean;
}

/** A Part 10 file (128-byte preamble, "DICM", file meta) holding `elements` in `transferSyntax`. */
export function dicomFile(
  transferSyntax: string,
  elements: Element[],
  options: FileOptions = {},
): Uint8Array {
  const { preamble = true, meta = true } = options;
  const explicit = !(options.implicit ?? transferSyntax === '1.2.840.10008.1.2');
  const body = dataset(elements, explicit);
  if (!meta) return body;
  const metaElements = dataset([
    { tag: 0x00020001, vr: 'OB', value: new Uint8Array([0, 1]) },
    { tag: 0x00020010, vr: 'UI', value: uid(transferSyntax) },
  ]);
  const group = dataset([{ tag: 0x00020000, vr: 'UL', value: le(metaElements.length, 4) }]);
  const prefix = preamble ? new Uint8Array(128) : new Uint8Array(0);
  return concat([prefix, ascii('DICM'), group, metaElements, body]);
}

/** Encapsulated Pixel Data (PS3.5 A.4): Basic Offset Table item, fragments, sequence delimiter. */
export function encapsulate(fragments: Uint8Array[], basicOffsetTable: number[] = []): Uint8Array {
  const item = (value: Uint8Array): Uint8Array =>
    concat([new Uint8Array([0xfe, 0xff, 0x00, 0xe0]), le(value.length, 4), value]);
  return concat([
    item(concat(basicOffsetTable.map((o) => le(o, 4)))),
    ...fragments.map(item),
    new Uint8Array([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]),
  ]);
}

export interface ImageOptions {
  rows: number;
  columns: number;
  bitsAllocated: number;
  bitsStored?: number;
  pixelRepresentation?: number;
  samplesPerPixel?: number;
  photometric?: string;
  planarConfiguration?: number;
  frames?: number;
  slope?: string;
  intercept?: string;
}

/** The Image Pixel module elements for `o`. */
export function imagePixelModule(o: ImageOptions): Element[] {
  const out: Element[] = [
    { tag: 0x00280002, vr: 'US', value: us(o.samplesPerPixel ?? 1) },
    { tag: 0x00280004, vr: 'CS', value: text(o.photometric ?? 'MONOCHROME2') },
    { tag: 0x00280010, vr: 'US', value: us(o.rows) },
    { tag: 0x00280011, vr: 'US', value: us(o.columns) },
    { tag: 0x00280100, vr: 'US', value: us(o.bitsAllocated) },
    { tag: 0x00280101, vr: 'US', value: us(o.bitsStored ?? o.bitsAllocated) },
    { tag: 0x00280102, vr: 'US', value: us((o.bitsStored ?? o.bitsAllocated) - 1) },
    { tag: 0x00280103, vr: 'US', value: us(o.pixelRepresentation ?? 0) },
  ];
  if (o.planarConfiguration !== undefined)
    out.push({ tag: 0x00280006, vr: 'US', value: us(o.planarConfiguration) });
  if (o.frames !== undefined) out.push({ tag: 0x00280008, vr: 'IS', value: text(String(o.frames)) });
  if (o.slope !== undefined) out.push({ tag: 0x00281053, vr: 'DS', value: text(o.slope) });
  if (o.intercept !== undefined) out.push({ tag: 0x00281052, vr: 'DS', value: text(o.intercept) });
  return out;
}

export const pixelData = (value: Uint8Array, vr = 'OW'): Element => ({ tag: 0x7fe00010, vr, value });
export const encapsulatedPixelData = (value: Uint8Array): Element => ({
  tag: 0x7fe00010,
  vr: 'OB',
  value,
  undefinedLength: true,
});
