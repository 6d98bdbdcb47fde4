import type { DataSet } from 'dicom-parser';
import { PixelDecodeError } from './errors.ts';
import type { TransferSyntax } from './transfer-syntaxes.ts';

/** One item of encapsulated Pixel Data (PS3.5 A.4): its bytes are `PixelDataElement.bytes[position…]`. */
export interface Fragment {
  /** Offset of the item tag from the first fragment's item tag, the unit of the Basic Offset Table. */
  offset: number;
  position: number;
  length: number;
}

export interface PixelDataElement {
  /** Pixel Data, Float Pixel Data or Double Float Pixel Data. */
  tag: 'x7fe00010' | 'x7fe00008' | 'x7fe00009';
  /** Bytes of the whole value in the file's byte array (native: pixels; encapsulated: items). */
  bytes: Uint8Array;
  /** Native: bytes the value claims; the array holds fewer when the file is truncated. */
  declaredLength: number;
  littleEndian: boolean;
  encapsulated: boolean;
  basicOffsetTable: number[];
  fragments: Fragment[];
  /** Extended Offset Table (7FE0,0001) and lengths (7FE0,0002), when present (PS3.3 C.7.6.3.1.8). */
  extendedOffsets: number[] | null;
  extendedLengths: number[] | null;
  truncated: boolean;
}

const UNDEFINED_LENGTH = 0xffffffff;
const readU32 = (b: Uint8Array, at: number): number =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const isTag = (b: Uint8Array, at: number, element: number): boolean =>
  b[at] === 0xfe && b[at + 1] === 0xff && (b[at + 2]! | (b[at + 3]! << 8)) === element;

/** Items of encapsulated Pixel Data: the Basic Offset Table, then fragments up to the delimiter. */
function readItems(b: Uint8Array, start: number, end: number) {
  const fragments: Fragment[] = [];
  const basicOffsetTable: number[] = [];
  let at = start;
  let first = true;
  let truncated = false;
  let firstFragment = -1;
  while (at + 8 <= end) {
    if (isTag(b, at, 0xe0dd)) return { basicOffsetTable, fragments, truncated, end: at + 8 };
    if (!isTag(b, at, 0xe000))
      throw new PixelDecodeError(`The compressed Pixel Data is malformed: expected an item at byte ${at}.`);
    const length = readU32(b, at + 4);
    const dataStart = at + 8;
    const available = Math.min(length, end - dataStart);
    if (available < length) truncated = true;
    if (first) {
      for (let i = 0; i + 4 <= available; i += 4) basicOffsetTable.push(readU32(b, dataStart + i));
      first = false;
    } else {
      if (firstFragment < 0) firstFragment = at;
      if (!truncated) fragments.push({ offset: at - firstFragment, position: dataStart - start, length });
    }
    at = dataStart + length;
  }
  // No delimiter: truncated if the data stops inside an item; a file that ends right after a whole
  // fragment (some writers omit the delimiter) keeps its fragments.
  return { basicOffsetTable, fragments, truncated: truncated || at !== end, end: at };
}

/**
 * The dataset's bytes. dicom-parser types them `Uint8Array | Buffer`, and `Buffer` does not exist
 * where no Node types are loaded (shared/, the browser); parseDicom always passes a Uint8Array.
 */
export function bytesOf(ds: DataSet): Uint8Array {
  const bytes: unknown = ds.byteArray;
  return bytes as Uint8Array;
}

function readUint64List(ds: DataSet, tag: string): number[] | null {
  const el = ds.elements[tag];
  if (!el || !el.length) return null;
  const b = bytesOf(ds);
  const out: number[] = [];
  for (let i = 0; i + 8 <= el.length; i += 8) {
    const lo = readU32(b, el.dataOffset + i);
    const hi = readU32(b, el.dataOffset + i + 4);
    out.push(hi * 2 ** 32 + lo);
  }
  return out;
}

/** Locates Pixel Data (or Float / Double Float Pixel Data) in a parsed dataset; null when absent. */
export function readPixelDataElement(
  ds: DataSet,
  syntax: TransferSyntax,
  littleEndian: boolean,
): PixelDataElement | null {
  const tag = (['x7fe00010', 'x7fe00008', 'x7fe00009'] as const).find((t) => ds.elements[t]);
  if (!tag) return null;
  const el = ds.elements[tag]!;
  const b = bytesOf(ds);
  const start = el.dataOffset;
  const base = {
    tag,
    littleEndian,
    extendedOffsets: readUint64List(ds, 'x7fe00001'),
    extendedLengths: readUint64List(ds, 'x7fe00002'),
  };
  const startsWithItem = start + 8 <= b.length && isTag(b, start, 0xe000);
  if (el.length === UNDEFINED_LENGTH || (syntax.encapsulated && startsWithItem)) {
    if (!syntax.encapsulated && syntax.supported)
      throw new PixelDecodeError(
        `The Pixel Data is stored compressed (encapsulated) but the transfer syntax (${syntax.name}) says it is not.`,
      );
    const end = el.length === UNDEFINED_LENGTH ? b.length : Math.min(b.length, start + el.length);
    const items = readItems(b, start, end);
    return {
      ...base,
      bytes: b.subarray(start, items.end),
      declaredLength: items.end - start,
      encapsulated: true,
      basicOffsetTable: items.basicOffsetTable,
      fragments: items.fragments,
      truncated: items.truncated,
    };
  }
  if (syntax.encapsulated && syntax.supported)
    throw new PixelDecodeError(
      `The transfer syntax (${syntax.name}) is compressed but the Pixel Data is not stored as compressed fragments.`,
    );
  const available = Math.max(0, Math.min(el.length, b.length - start));
  return {
    ...base,
    bytes: b.subarray(start, start + available),
    declaredLength: el.length,
    encapsulated: false,
    basicOffsetTable: [],
    fragments: [],
    truncated: available < el.length,
  };
}
