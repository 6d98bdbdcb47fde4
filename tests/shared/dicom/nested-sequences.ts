// Sequences nested to any depth (the shape of a "sequence bomb"), in explicit or implicit VR, with
// defined or undefined lengths, inside a small Part 10 image.
import type { Element } from './build-dicom.ts';
import { dicomFile, imagePixelModule, pixelData, text, us } from './build-dicom.ts';

const image = [...imagePixelModule({ rows: 1, columns: 2, bitsAllocated: 16 }), pixelData(us(7, 9))];

export interface Nest {
  depth: number;
  /** Explicit VR SQ headers (12 bytes) or implicit ones (8 bytes). */
  explicit: boolean;
  /** Undefined lengths with delimiters, or every length written out. */
  undefinedLengths: boolean;
  /** The outermost element's tag and VR (default Referenced Image Sequence, SQ). */
  tag?: number;
  vr?: string;
}

/** The items of a sequence nested `depth` deep (the value of the outermost element, which it does not include). */
export function nestedItems(n: Nest): { value: Uint8Array; undefinedLength: boolean } {
  const sqHeader = n.explicit ? 12 : 8;
  const innermost = 10; // Rows (0028,0010) = 1, explicit or implicit
  // Content sizes from the inside out: the item at level i holds the sequence of level i - 1.
  const itemSize: number[] = [];
  let content = innermost;
  for (let i = 0; i < n.depth; i++) {
    itemSize.push(content);
    content = sqHeader + 8 + content;
  }
  const out = new Uint8Array(n.depth * (8 + sqHeader + 16) + innermost);
  const view = new DataView(out.buffer);
  let at = 0;
  const tag = (t: number): void => {
    view.setUint16(at, t >>> 16, true);
    view.setUint16(at + 2, t & 0xffff, true);
    at += 4;
  };
  const u32 = (v: number): void => {
    view.setUint32(at, v, true);
    at += 4;
  };
  for (let level = n.depth - 1; level >= 0; level--) {
    tag(0xfffee000);
    u32(n.undefinedLengths ? 0xffffffff : itemSize[level]!);
    if (level === 0) break;
    tag(0x00081140);
    if (n.explicit) {
      out.set([0x53, 0x51, 0, 0], at);
      at += 4;
    }
    u32(n.undefinedLengths ? 0xffffffff : itemSize[level - 1]! + 8);
  }
  tag(0x00280010);
  if (n.explicit) {
    out.set([0x55, 0x53, 2, 0, 1, 0], at);
    at += 6;
  } else {
    u32(2);
    out.set([1, 0], at);
    at += 2;
  }
  if (n.undefinedLengths)
    for (let level = 0; level < n.depth; level++) {
      tag(0xfffee00d);
      u32(0);
      tag(0xfffee0dd);
      u32(0);
    }
  return { value: out.subarray(0, at), undefinedLength: n.undefinedLengths };
}

/** A small image holding the nest (and `extra` elements: identifiers for an import). */
export function fileWithNest(transferSyntax: string, n: Nest, extra: Element[] = []): Uint8Array {
  const items = nestedItems(n);
  return dicomFile(transferSyntax, [
    { tag: 0x00100010, vr: 'PN', value: text('Nest^Deep') },
    { tag: n.tag ?? 0x00081140, vr: n.vr ?? 'SQ', ...items },
    ...image,
    ...extra,
  ]);
}
