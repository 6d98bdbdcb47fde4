import { PixelDecodeError } from '../errors.ts';

/** A canonical Huffman table (ISO 10918-1 Annex C) in the maxcode/valptr form of Annex F.2.2.3. */
export interface HuffmanTable {
  maxCode: Int32Array;
  valPtr: Int32Array;
  minCode: Int32Array;
  values: Uint8Array;
}

export function buildHuffmanTable(counts: Uint8Array, values: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1]!;
    if (n) {
      valPtr[len] = k;
      minCode[len] = code;
      code += n;
      k += n;
      maxCode[len] = code - 1;
    }
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  return { maxCode, valPtr, minCode, values };
}

/**
 * Reads entropy-coded bits, removing stuffed zero bytes. At a marker it feeds zeros, as libjpeg does,
 * so a truncated scan decodes to grey rather than throwing mid-image; `hitMarker` records it.
 */
export class BitReader {
  private bits = 0;
  private count = 0;
  hitMarker = false;

  constructor(
    private readonly data: Uint8Array,
    public position: number,
  ) {}

  private fill(): void {
    let byte = 0;
    if (!this.hitMarker && this.position < this.data.length) {
      byte = this.data[this.position]!;
      if (byte === 0xff) {
        const next = this.data[this.position + 1];
        if (next === 0x00) this.position += 2;
        else {
          this.hitMarker = true;
          byte = 0;
        }
      } else this.position++;
    } else this.hitMarker = true;
    this.bits = ((this.bits << 8) | byte) & 0xffffff;
    this.count += 8;
  }

  bit(): number {
    if (this.count === 0) this.fill();
    this.count--;
    return (this.bits >> this.count) & 1;
  }

  receive(length: number): number {
    let v = 0;
    for (let i = 0; i < length; i++) v = (v << 1) | this.bit();
    return v;
  }

  /** Receive and extend (F.2.2.1): a `length`-bit magnitude category value as a signed number. */
  receiveExtend(length: number): number {
    if (length === 0) return 0;
    if (length > 16)
      throw new PixelDecodeError('The JPEG data is corrupt: a coefficient is longer than 16 bits.');
    const v = this.receive(length);
    return v < 1 << (length - 1) ? v - (1 << length) + 1 : v;
  }

  decode(table: HuffmanTable): number {
    let code = this.bit();
    let len = 1;
    while (code > table.maxCode[len]!) {
      code = (code << 1) | this.bit();
      len++;
      if (len > 16) throw new PixelDecodeError('The JPEG data is corrupt: an invalid Huffman code.');
    }
    return table.values[table.valPtr[len]! + code - table.minCode[len]!] ?? 0;
  }

  /** Drops buffered bits and skips an expected RSTn marker (restart interval boundary). */
  restart(): void {
    this.bits = 0;
    this.count = 0;
    this.hitMarker = false;
    const d = this.data;
    while (
      this.position + 1 < d.length &&
      !(d[this.position] === 0xff && d[this.position + 1]! >= 0xd0 && d[this.position + 1]! <= 0xd7)
    )
      this.position++;
    this.position += 2;
  }
}
