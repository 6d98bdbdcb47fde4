// Sequence bombs (sequences nested thousands deep) are refused with a named depth limit before
// dicom-parser recurses, in every encoding it reads; real nesting well below the limit still parses.
import { describe, expect, it } from 'vitest';
import { PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { MAX_SEQUENCE_DEPTH, assertSequenceDepth } from '../../../shared/dicom/sequence-depth.ts';
import type { Nest } from './nested-sequences.ts';
import { fileWithNest, nestedItems } from './nested-sequences.ts';

const EXPLICIT = '1.2.840.10008.1.2.1';
const IMPLICIT = '1.2.840.10008.1.2';
const TOO_DEEP = /nests sequences more than 128 levels deep; refused \(a possible sequence bomb\)/;

describe('sequence nesting depth', () => {
  it('parses real nesting: one level and 100 levels, with defined and undefined lengths', () => {
    for (const depth of [1, 100, MAX_SEQUENCE_DEPTH])
      for (const undefinedLengths of [true, false]) {
        const parsed = parseDicom(fileWithNest(EXPLICIT, { depth, explicit: true, undefinedLengths }));
        expect(parsed.pixelData?.bytes.length).toBe(4);
        let items = parsed.dataSet.elements.x00081140?.items;
        let levels = 0;
        while (items?.length) {
          levels++;
          items = items[0]!.dataSet?.elements.x00081140?.items;
        }
        expect(levels).toBe(depth);
      }
  });

  it('refuses one level past the limit with the named reason', () => {
    const file = fileWithNest(EXPLICIT, {
      depth: MAX_SEQUENCE_DEPTH + 1,
      explicit: true,
      undefinedLengths: true,
    });
    expect(() => parseDicom(file)).toThrow(PixelDecodeError);
    expect(() => parseDicom(file)).toThrow(TOO_DEEP);
  });

  const bombs: [string, string, Nest][] = [
    ['explicit VR, undefined lengths', EXPLICIT, { depth: 20_000, explicit: true, undefinedLengths: true }],
    ['explicit VR, defined lengths', EXPLICIT, { depth: 20_000, explicit: true, undefinedLengths: false }],
    ['implicit VR, undefined lengths', IMPLICIT, { depth: 20_000, explicit: false, undefinedLengths: true }],
    ['implicit VR, defined lengths', IMPLICIT, { depth: 20_000, explicit: false, undefinedLengths: false }],
    [
      'an explicit-VR UN of undefined length read as an implicit sequence',
      EXPLICIT,
      { depth: 20_000, explicit: false, undefinedLengths: true, tag: 0x00091010, vr: 'UN' },
    ],
  ];
  for (const [name, syntax, nest] of bombs)
    it(`refuses a 20,000-level bomb (${name}) with the depth reason, not a stack overflow`, () => {
      let thrown: unknown;
      try {
        parseDicom(fileWithNest(syntax, nest));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(PixelDecodeError);
      expect((thrown as Error).message).toMatch(TOO_DEEP);
      expect((thrown as Error).message).not.toMatch(/call stack/i);
    });

  it('refuses a bomb in the file meta group', () => {
    const file = fileWithNest(EXPLICIT, { depth: 1, explicit: true, undefinedLengths: true });
    const bomb = nestedItems({ depth: 20_000, explicit: true, undefinedLengths: true }).value;
    // An undefined-length SQ in group 0002, spliced in right after the meta elements.
    const header = new Uint8Array([0x02, 0x00, 0x00, 0x01, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    const metaEnd = file.findIndex(
      (_, i) => i > 132 && file[i] === 0x10 && file[i + 1] === 0x00 && file[i + 2] === 0x10,
    );
    const spliced = new Uint8Array(file.length + header.length + bomb.length + 8);
    spliced.set(file.subarray(0, metaEnd));
    spliced.set(header, metaEnd);
    spliced.set(bomb, metaEnd + header.length);
    spliced.set([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0], metaEnd + header.length + bomb.length);
    spliced.set(file.subarray(metaEnd), metaEnd + header.length + bomb.length + 8);
    expect(() => parseDicom(spliced)).toThrow(TOO_DEEP);
  });

  it('walks big endian headers the same way', () => {
    // Only the depth walk: big endian nesting written by hand (tags and lengths big endian).
    const depth = 1_000;
    const level = [
      0x00, 0x08, 0x11, 0x40, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xe0, 0x00, 0xff, 0xff,
      0xff, 0xff,
    ];
    const bytes = new Uint8Array(level.length * depth);
    for (let i = 0; i < depth; i++) bytes.set(level, i * level.length);
    expect(() => assertSequenceDepth(bytes, 0, { explicitVr: true, littleEndian: false })).toThrow(TOO_DEEP);
    expect(() =>
      assertSequenceDepth(bytes, 0, { explicitVr: true, littleEndian: false, limit: depth }),
    ).not.toThrow();
  });
});
