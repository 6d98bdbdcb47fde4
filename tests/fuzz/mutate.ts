// Seeded mutations of DICOM files: what a damaged CD, a buggy writer or an attacker produces.
const VRS =
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(
    ' ',
  );
const LONG_LENGTH_VRS = new Set([
  'OB',
  'OD',
  'OF',
  'OL',
  'OV',
  'OW',
  'SQ',
  'SV',
  'UC',
  'UN',
  'UR',
  'UT',
  'UV',
]);

export type MutationKind =
  'byte-flips' | 'truncation' | 'length-field' | 'vr-change' | 'sequence-bomb' | 'splice';
export const MUTATIONS: readonly MutationKind[] = [
  'byte-flips',
  'truncation',
  'length-field',
  'vr-change',
  'sequence-bomb',
  'splice',
];

/** Offsets of explicit-VR element headers: a tag followed by two letters that name a VR. */
function elementHeaders(b: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = 132; i + 8 <= b.length && found.length < 4096; i++) {
    const vr = String.fromCharCode(b[i + 4]!, b[i + 5]!);
    if (VRS.includes(vr) && b[i + 1]! < 0x80) found.push(i);
  }
  return found;
}

const INTERESTING_LENGTHS = [0, 1, 2, 3, 0x7fff, 0xfffe, 0xffff, 0x7fffffff, 0xfffffffe, 0xffffffff];

/** Undefined-length sequences nested `depth` deep (each holding one undefined-length item). */
function nestedSequences(depth: number): Uint8Array {
  const open = [
    0x09, 0x00, 0x10, 0x10, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff,
    0xff, 0xff,
  ];
  const close = [0xfe, 0xff, 0x0d, 0xe0, 0, 0, 0, 0, 0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0];
  const out = new Uint8Array(depth * (open.length + close.length));
  for (let i = 0; i < depth; i++) out.set(open, i * open.length);
  for (let i = 0; i < depth; i++) out.set(close, depth * open.length + i * close.length);
  return out;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One mutated copy of `seed`; `random` drives every choice, so a seed number replays it. */
export function mutate(seed: Uint8Array, kind: MutationKind, random: () => number): Uint8Array {
  const int = (n: number): number => Math.floor(random() * n);
  const out = new Uint8Array(seed);
  switch (kind) {
    case 'byte-flips': {
      const flips = 1 + int(16);
      for (let i = 0; i < flips; i++) out[int(out.length)] = int(256);
      return out;
    }
    case 'truncation':
      return out.slice(0, int(out.length));
    case 'length-field': {
      const headers = elementHeaders(out);
      const at = headers[int(headers.length)];
      if (at === undefined) return out;
      const view = new DataView(out.buffer);
      const vr = String.fromCharCode(out[at + 4]!, out[at + 5]!);
      const value = INTERESTING_LENGTHS[int(INTERESTING_LENGTHS.length)]!;
      if (LONG_LENGTH_VRS.has(vr) && at + 12 <= out.length) view.setUint32(at + 8, value >>> 0, true);
      else view.setUint16(at + 6, value & 0xffff, true);
      return out;
    }
    case 'vr-change': {
      const headers = elementHeaders(out);
      const changes = 1 + int(4);
      for (let i = 0; i < changes && headers.length; i++) {
        const at = headers[int(headers.length)]!;
        const vr = VRS[int(VRS.length)]!;
        out[at + 4] = vr.charCodeAt(0);
        out[at + 5] = vr.charCodeAt(1);
      }
      return out;
    }
    case 'sequence-bomb': {
      // Deep nesting (a stack bomb) or a flood of items, spliced in before an element.
      const headers = elementHeaders(out);
      const at = headers.length ? headers[int(headers.length)]! : Math.min(out.length, 132);
      const bomb = nestedSequences(random() < 0.5 ? 1 + int(200) : 5_000 + int(20_000));
      return concat(out.subarray(0, at), bomb, out.subarray(at));
    }
    case 'splice': {
      // A chunk of the file copied over another place (a scrambled sector).
      const length = 1 + int(Math.min(4096, out.length));
      const from = int(Math.max(1, out.length - length));
      const to = int(Math.max(1, out.length - length));
      out.copyWithin(to, from, from + length);
      return out;
    }
  }
}
