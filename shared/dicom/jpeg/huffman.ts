import { PixelDecodeError } from '../errors.ts';

/**
 * Codes up to this many bits are decoded with one table lookup (libjpeg's HUFF_LOOKAHEAD is 8): 11
 * also covers most 12-bit AC codes together with their extra bits (fastAc).
 */
const LOOKAHEAD = 11;

/**
 * A canonical Huffman table (ISO 10918-1 Annex C) in the maxcode/valptr form of Annex F.2.2.3, plus
 * a lookahead table: for every LOOKAHEAD-bit prefix, (code length << 8) | value, or 0 when the code
 * is longer (then the Annex F procedure runs from LOOKAHEAD + 1 bits on).
 */
export interface HuffmanTable {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
  lookup: Uint16Array;
  /**
   * For AC tables (Annex F.2.2.2): for every LOOKAHEAD-bit prefix holding a whole code and its
   * extra bits, (coefficient << 12) | (run << 8) | bits used; an end-of-block code as
   * END_OF_BLOCK | its length; 0 when the prefix needs the general procedure.
   */
  fastAc: Int32Array;
}

/** The flag of a fastAc entry that is an end-of-block code. */
export const END_OF_BLOCK = 0x80;

function buildFastAc(lookup: Uint16Array): Int32Array {
  const fast = new Int32Array(1 << LOOKAHEAD);
  for (let p = 0; p < fast.length; p++) {
    const entry = lookup[p]!;
    if (!entry) continue;
    const len = entry >> 8;
    const rs = entry & 0xff;
    const s = rs & 15;
    if (rs === 0) fast[p] = END_OF_BLOCK | len;
    else if (s && len + s <= LOOKAHEAD) {
      const v = (p >> (LOOKAHEAD - len - s)) & ((1 << s) - 1);
      const value = v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
      fast[p] = (value << 12) | ((rs >> 4) << 8) | (len + s);
    }
  }
  return fast;
}

export function buildHuffmanTable(counts: Uint8Array, values: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  const lookup = new Uint16Array(1 << LOOKAHEAD);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1]!;
    if (n) {
      valPtr[len] = k;
      minCode[len] = code;
      if (len <= LOOKAHEAD)
        for (let i = 0; i < n; i++) {
          // Every prefix that starts with this code: the code's bits, then any bits.
          const first = (code + i) << (LOOKAHEAD - len);
          const entry = (len << 8) | (values[k + i] ?? 0);
          lookup.fill(entry, first, first + (1 << (LOOKAHEAD - len)));
        }
      code += n;
      k += n;
      maxCode[len] = code - 1;
    }
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  return { maxCode, valPtr, minCode, values, lookup, fastAc: buildFastAc(lookup) };
}

/**
 * Reads entropy-coded bits, removing stuffed zero bytes, a few bytes ahead in one 32-bit buffer.
 * At a marker it feeds zeros, as libjpeg does, so a truncated scan decodes to grey rather than
 * throwing mid-image; it never reads past a marker, so `position` stays before it.
 */
export class BitReader {
  /** The low `count` bits are the next bits of the stream, most significant first. */
  private bits = 0;
  private count = 0;
  private atMarker = false;

  constructor(
    private readonly data: Uint8Array,
    public position: number,
  ) {}

  /** Tops the buffer up to more than 24 bits (zeros once at a marker or the end of the data). */
  private fill(): void {
    const d = this.data;
    while (this.count <= 24) {
      let byte = 0;
      if (!this.atMarker && this.position < d.length) {
        byte = d[this.position]!;
        if (byte === 0xff) {
          if (d[this.position + 1] === 0x00) this.position += 2;
          else {
            this.atMarker = true;
            byte = 0;
          }
        } else this.position++;
      } else this.atMarker = true;
      this.bits = (this.bits << 8) | byte;
      this.count += 8;
    }
  }

  bit(): number {
    if (this.count === 0) this.fill();
    this.count--;
    return (this.bits >>> this.count) & 1;
  }

  /** The next `length` (0–16) bits as an unsigned number. */
  receive(length: number): number {
    if (this.count < length) this.fill();
    this.count -= length;
    return (this.bits >>> this.count) & ((1 << length) - 1);
  }

  /** Receive and extend (F.2.2.1): a `length`-bit magnitude category value as a signed number. */
  receiveExtend(length: number): number {
    if (length === 0) return 0;
    if (length > 16)
      throw new PixelDecodeError('The JPEG data is corrupt: a coefficient is longer than 16 bits.');
    const v = this.receive(length);
    return v < 1 << (length - 1) ? v - (1 << length) + 1 : v;
  }

  /** The next LOOKAHEAD bits, without consuming them (an index into a table's lookups). */
  peek(): number {
    if (this.count < 16) this.fill();
    return (this.bits >>> (this.count - LOOKAHEAD)) & ((1 << LOOKAHEAD) - 1);
  }

  /** Consumes `length` bits already seen through peek(). */
  skip(length: number): void {
    this.count -= length;
  }

  decode(table: HuffmanTable): number {
    if (this.count < 16) this.fill();
    const entry = table.lookup[(this.bits >>> (this.count - LOOKAHEAD)) & ((1 << LOOKAHEAD) - 1)]!;
    if (entry) {
      this.count -= entry >> 8;
      return entry & 0xff;
    }
    // A longer code (F.2.2.3), its first LOOKAHEAD bits matching no shorter code.
    for (let len = LOOKAHEAD + 1; len <= 16; len++) {
      const code = (this.bits >>> (this.count - len)) & ((1 << len) - 1);
      if (code <= table.maxCode[len]!) {
        this.count -= len;
        return table.values[table.valPtr[len]! + code - table.minCode[len]!] ?? 0;
      }
    }
    throw new PixelDecodeError('The JPEG data is corrupt: an invalid Huffman code.');
  }

  /** Drops buffered bits and skips an expected RSTn marker (restart interval boundary). */
  restart(): void {
    this.bits = 0;
    this.count = 0;
    this.atMarker = false;
    const d = this.data;
    while (
      this.position + 1 < d.length &&
      !(d[this.position] === 0xff && d[this.position + 1]! >= 0xd0 && d[this.position + 1]! <= 0xd7)
    )
      this.position++;
    this.position += 2;
  }
}
