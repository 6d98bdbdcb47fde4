import { PixelDecodeError } from './errors.ts';

/**
 * Deepest sequence nesting a file may have. Real objects nest a few levels (a structured report's
 * content tree, an icon image inside a referenced-image item, rarely more than a dozen); dicom-parser
 * recurses several stack frames per level, so a file nested thousands deep (a "sequence bomb")
 * would exhaust the stack. Such files are refused with this reason before they are parsed.
 */
export const MAX_SEQUENCE_DEPTH = 128;

/** A sequence nested deeper than {@link MAX_SEQUENCE_DEPTH}: refused before dicom-parser recurses. */
export class SequenceTooDeepError extends PixelDecodeError {
  constructor(limit: number) {
    super(
      `The DICOM header nests sequences more than ${limit} levels deep; refused (a possible sequence bomb).`,
    );
    this.name = 'SequenceTooDeepError';
  }
}

const UNDEFINED = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_DELIMITER = 0xfffee00d;
const SEQUENCE_DELIMITER = 0xfffee0dd;
const PIXEL_DATA = 0x7fe00010;
/** VRs whose explicit length field is 4 bytes, exactly as dicom-parser reads them. */
const LONG_LENGTH = new Set(['OB', 'OD', 'OL', 'OW', 'SQ', 'OF', 'UC', 'UR', 'UT', 'UN']);

export interface DepthScanOptions {
  explicitVr: boolean;
  littleEndian: boolean;
  /** The top-level element where parsing stops (Pixel Data), as dicom-parser's `untilTag`. */
  stopAtPixelData?: boolean;
  /** Read top-level elements only while they are in group 0002 (the file meta), as the meta reader does. */
  metaGroupOnly?: boolean;
  limit?: number;
}

/** An element list: the dataset, or one item's (ending at `end`, or at an item delimiter when null). */
interface ElementsFrame {
  kind: 'elements';
  end: number | null;
  explicit: boolean;
}
/** A sequence's items (ending at `end`, or at a sequence delimiter when null). */
interface ItemsFrame {
  kind: 'items';
  end: number | null;
  explicit: boolean;
  /** The sequence element was itself read as an item delimiter: its item ends with it. */
  closesItem: boolean;
}
type Frame = ElementsFrame | ItemsFrame;

/** Stops the scan where dicom-parser would throw: its own error then names the damage. */
class Stop extends Error {}

/**
 * Walks the element structure from `start` without recursion, the way dicom-parser will read it
 * (explicit or implicit VR, defined or undefined lengths, UN of undefined length read as an implicit
 * sequence, encapsulated pixel data), and throws {@link SequenceTooDeepError} as soon as sequences
 * nest deeper than the limit. Where dicom-parser would fail on damaged bytes the walk ends quietly.
 * Returns the deepest nesting seen.
 */
export function assertSequenceDepth(bytes: Uint8Array, start: number, options: DepthScanOptions): number {
  const limit = options.limit ?? MAX_SEQUENCE_DEPTH;
  const n = bytes.length;
  const le = options.littleEndian;
  let pos = start;
  const need = (count: number): void => {
    if (pos + count > n) throw new Stop();
  };
  const u16 = (at: number): number =>
    le ? bytes[at]! | (bytes[at + 1]! << 8) : (bytes[at]! << 8) | bytes[at + 1]!;
  const u32 = (at: number): number =>
    le
      ? (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
      : ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
  const tagAt = (at: number): number => ((u16(at) << 16) | u16(at + 2)) >>> 0;
  const readTag = (): number => {
    need(4);
    const tag = tagAt(pos);
    pos += 4;
    return tag;
  };
  const readU32 = (): number => {
    need(4);
    const v = u32(pos);
    pos += 4;
    return v;
  };

  /** dicom-parser's scan for the item delimiter ending an undefined-length non-sequence value. */
  const skipToItemDelimiter = (): void => {
    while (pos <= n - 8) {
      const group = u16(pos);
      pos += 2;
      if (group !== 0xfffe) continue;
      const element = u16(pos);
      pos += 2;
      if (element !== 0xe00d) continue;
      if (u32(pos) !== 0) throw new Stop(); // dicom-parser fails on a non-zero delimiter length
      pos += 4;
      return;
    }
    pos = n;
  };

  /** dicom-parser's walk over the fragments of encapsulated pixel data. */
  const skipEncapsulated = (): void => {
    if (readTag() !== ITEM) throw new Stop();
    const tableLength = readU32();
    pos += 4 * Math.ceil(tableLength / 4);
    if (pos > n) throw new Stop();
    while (pos < n) {
      const tag = readTag();
      const length = readU32();
      pos += tag === ITEM || tag === SEQUENCE_DELIMITER ? length : Math.min(length, n - pos);
      if (tag !== ITEM) return;
    }
  };

  const stack: Frame[] = [];
  let depth = 0;
  let deepest = 0;
  const openSequence = (length: number, dataOffset: number, explicit: boolean, closesItem: boolean): void => {
    depth++;
    if (depth > limit) throw new SequenceTooDeepError(limit);
    deepest = Math.max(deepest, depth);
    stack.push({
      kind: 'items',
      end: length === UNDEFINED ? null : dataOffset + length,
      explicit,
      closesItem,
    });
  };
  const closeFrame = (): void => {
    const frame = stack.pop()!;
    if (frame.kind !== 'items') return;
    depth--;
    if (frame.closesItem) stack.pop();
  };

  /** Reads one element of an element list; true when it was the top-level stopping tag. */
  const readElement = (frame: ElementsFrame, top: boolean): boolean => {
    const tag = readTag();
    let vr: string | null = null;
    let length: number;
    if (frame.explicit) {
      need(2);
      vr =
        bytes[pos] === 0
          ? ''
          : bytes[pos + 1] === 0
            ? String.fromCharCode(bytes[pos]!)
            : String.fromCharCode(bytes[pos]!, bytes[pos + 1]!);
      pos += 2;
      if (LONG_LENGTH.has(vr)) {
        need(6);
        length = u32(pos + 2);
        pos += 6;
      } else {
        need(2);
        length = u16(pos);
        pos += 2;
      }
    } else length = readU32();
    const dataOffset = pos;
    if (top && options.stopAtPixelData && tag === PIXEL_DATA) return true;
    const endsItem = frame.end === null && tag === ITEM_DELIMITER;
    if (frame.explicit) {
      if (vr === 'SQ') {
        openSequence(length, dataOffset, true, endsItem);
        return false;
      }
      if (length === UNDEFINED) {
        if (tag === PIXEL_DATA) skipEncapsulated();
        else if (vr === 'UN') {
          openSequence(length, dataOffset, false, endsItem);
          return false;
        } else skipToItemDelimiter();
      } else pos += length;
    } else {
      const next = pos + 4 <= n ? tagAt(pos) : null;
      const sequence = next === ITEM || next === SEQUENCE_DELIMITER;
      const privateTag = (tag >>> 16) % 2 === 1;
      if (sequence && (!privateTag || length === UNDEFINED)) {
        openSequence(length, dataOffset, false, endsItem);
        return false;
      }
      if (length === UNDEFINED) skipToItemDelimiter();
      else pos += length;
    }
    if (endsItem) stack.pop();
    return false;
  };

  const top: ElementsFrame = { kind: 'elements', end: n, explicit: options.explicitVr };
  stack.push(top);
  try {
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      if (frame.kind === 'elements') {
        if (frame === top) {
          const more = options.metaGroupOnly
            ? pos + 8 <= n && (bytes[pos]! | (bytes[pos + 1]! << 8)) === 0x0002
            : pos < n;
          if (!more || readElement(frame, true)) return deepest;
          continue;
        }
        if (frame.end === null ? pos >= n : pos >= frame.end) {
          if (frame.end !== null && pos > frame.end && frame.explicit) return deepest; // dicom-parser: buffer overrun
          closeFrame();
          continue;
        }
        readElement(frame, false);
        continue;
      }
      // A sequence's items.
      if (frame.end === null) {
        if (pos + 4 > n) {
          closeFrame();
          continue;
        }
        if (tagAt(pos) === SEQUENCE_DELIMITER) {
          pos += 8;
          closeFrame();
          continue;
        }
      } else if (pos >= frame.end) {
        closeFrame();
        continue;
      }
      const tag = readTag();
      const length = readU32();
      if (tag !== ITEM) return deepest; // dicom-parser: item tag not found
      if (length !== UNDEFINED && pos + length > n) return deepest; // dicom-parser: invalid maxPosition
      stack.push({
        kind: 'elements',
        end: length === UNDEFINED ? null : pos + length,
        explicit: frame.explicit,
      });
    }
  } catch (e) {
    if (e instanceof Stop) return deepest;
    throw e;
  }
  return deepest;
}
