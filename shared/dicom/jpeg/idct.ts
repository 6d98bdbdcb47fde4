// The accurate integer inverse DCT of the IJG libjpeg (jidctint.c, "jpeg_idct_islow"), the default
// of libjpeg 6b, libjpeg-turbo, dcmtk and GDCM. Reproducing it to the bit makes our lossy JPEG output
// identical to theirs rather than merely close. libjpeg computes in 64-bit integers (`long` on
// 64-bit Linux); here the arithmetic is done in doubles, exact for every value a Huffman-coded block
// can hold (|coefficient × quantizer| < 2^32, products < 2^47), with floor division standing in for
// C's arithmetic right shift. Both passes are written out in one function (no calls, no boxing):
// this is the hot loop of 12-bit JPEG decoding.

const CONST_BITS = 13;
const FIX_0_298631336 = 2446;
const FIX_0_390180644 = 3196;
const FIX_0_541196100 = 4433;
const FIX_0_765366865 = 6270;
const FIX_0_899976223 = 7373;
const FIX_1_175875602 = 9633;
const FIX_1_501321110 = 12299;
const FIX_1_847759065 = 15137;
const FIX_1_961570560 = 16069;
const FIX_2_053119869 = 16819;
const FIX_2_562915447 = 20995;
const FIX_3_072711764 = 25172;
const ONE_CONST = 2 ** CONST_BITS;

/**
 * libjpeg's post-IDCT range limit (jdmaster.c prepare_range_limit_table), indexed as it is: by the
 * descaled value masked to 4 × the sample range. Adds the centre value and clamps; far-out values
 * wrap the way its masked lookup does.
 */
const RANGE_LIMITS = new Map<number, Uint16Array>();
function rangeLimitTable(precision: number): Uint16Array {
  let table = RANGE_LIMITS.get(precision);
  if (!table) {
    const size = 2 ** precision;
    const centre = size / 2;
    table = new Uint16Array(4 * size);
    for (let idx = 0; idx < table.length; idx++)
      table[idx] = idx < 2 * size ? Math.min(size - 1, idx + centre) : Math.max(0, idx - 4 * size + centre);
    RANGE_LIMITS.set(precision, table);
  }
  return table;
}

/** Pass-1 output (columns), natural order, kept modulo 2^32 (see idctBlock). */
const ws = new Int32Array(64);

/**
 * The sample value of a block whose only non-zero coefficient is its DC (the common case in flat
 * regions): libjpeg's zero-column then zero-row shortcuts give every sample this value.
 */
export function flatBlockValue(dc: number, quant0: number, precision: number): number {
  const pass1 = precision <= 8 ? 2 : 1;
  const x = Math.floor((dc * quant0 * 2 ** pass1 + 2 ** (pass1 + 2)) * 2 ** -(pass1 + 3));
  return rangeLimitTable(precision)[x & (4 * 2 ** precision - 1)]!;
}

/**
 * Inverse-transforms one 8×8 block of quantized coefficients (natural order) with its quantization
 * table, writing 8 rows of 8 samples into `out` at `at` with row pitch `pitch`.
 */
export function idctBlock(
  coef: Int32Array,
  coefAt: number,
  quant: Uint16Array,
  precision: number,
  out: Uint8Array | Uint16Array,
  at: number,
  pitch: number,
): void {
  const pass1 = precision <= 8 ? 2 : 1;
  const dcScale = 2 ** pass1;
  // Pass 1 descales by CONST_BITS - PASS1_BITS, pass 2 by CONST_BITS + PASS1_BITS + 3 (and the
  // zero-row shortcut by PASS1_BITS + 3): round half up, then floor, as DESCALE does.
  const half1 = 2 ** (CONST_BITS - pass1 - 1);
  const inv1 = 2 ** -(CONST_BITS - pass1);
  const shift2 = CONST_BITS + pass1 + 3;
  const half2 = 1 << (shift2 - 1);
  const shiftFlat = pass1 + 3;
  const halfFlat = 1 << (shiftFlat - 1);
  const limit = rangeLimitTable(precision);
  const mask = limit.length - 1;

  for (let c = 0; c < 8; c++) {
    const b = coefAt + c;
    if (
      coef[b + 8] === 0 &&
      coef[b + 16] === 0 &&
      coef[b + 24] === 0 &&
      coef[b + 32] === 0 &&
      coef[b + 40] === 0 &&
      coef[b + 48] === 0 &&
      coef[b + 56] === 0
    ) {
      const dc = coef[b]! * quant[c]! * dcScale;
      ws[c] = dc;
      ws[c + 8] = dc;
      ws[c + 16] = dc;
      ws[c + 24] = dc;
      ws[c + 32] = dc;
      ws[c + 40] = dc;
      ws[c + 48] = dc;
      ws[c + 56] = dc;
      continue;
    }
    const s0 = coef[b]! * quant[c]!;
    const s1 = coef[b + 8]! * quant[c + 8]!;
    const s2 = coef[b + 16]! * quant[c + 16]!;
    const s3 = coef[b + 24]! * quant[c + 24]!;
    const s4 = coef[b + 32]! * quant[c + 32]!;
    const s5 = coef[b + 40]! * quant[c + 40]!;
    const s6 = coef[b + 48]! * quant[c + 48]!;
    const s7 = coef[b + 56]! * quant[c + 56]!;
    // Even part.
    const e1 = (s2 + s6) * FIX_0_541196100;
    const t2 = e1 + s6 * -FIX_1_847759065;
    const t3 = e1 + s2 * FIX_0_765366865;
    const t0 = (s0 + s4) * ONE_CONST;
    const t1 = (s0 - s4) * ONE_CONST;
    const t10 = t0 + t3;
    const t13 = t0 - t3;
    const t11 = t1 + t2;
    const t12 = t1 - t2;
    // Odd part.
    const z5 = (s7 + s3 + (s5 + s1)) * FIX_1_175875602;
    const z1 = (s7 + s1) * -FIX_0_899976223;
    const z2 = (s5 + s3) * -FIX_2_562915447;
    const z3 = (s7 + s3) * -FIX_1_961570560 + z5;
    const z4 = (s5 + s1) * -FIX_0_390180644 + z5;
    const o0 = s7 * FIX_0_298631336 + (z1 + z3);
    const o1 = s5 * FIX_2_053119869 + (z2 + z4);
    const o2 = s3 * FIX_3_072711764 + (z2 + z3);
    const o3 = s1 * FIX_1_501321110 + (z1 + z4);
    ws[c] = Math.floor((t10 + o3 + half1) * inv1);
    ws[c + 56] = Math.floor((t10 - o3 + half1) * inv1);
    ws[c + 8] = Math.floor((t11 + o2 + half1) * inv1);
    ws[c + 48] = Math.floor((t11 - o2 + half1) * inv1);
    ws[c + 16] = Math.floor((t12 + o1 + half1) * inv1);
    ws[c + 40] = Math.floor((t12 - o1 + half1) * inv1);
    ws[c + 24] = Math.floor((t13 + o0 + half1) * inv1);
    ws[c + 32] = Math.floor((t13 - o0 + half1) * inv1);
  }

  // Pass 2 needs only its inputs modulo 2^32: the range-limit index is the descaled value masked to
  // fewer than 32 - shift bits, and sums, products and left shifts modulo 2^32 (Math.imul, `| 0`)
  // leave every such low bit as the exact 64-bit arithmetic would. So pass 2 runs in int32.
  for (let r = 0, w = 0, o = at; r < 8; r++, w += 8, o += pitch) {
    const s0 = ws[w]!;
    const s1 = ws[w + 1]!;
    const s2 = ws[w + 2]!;
    const s3 = ws[w + 3]!;
    const s4 = ws[w + 4]!;
    const s5 = ws[w + 5]!;
    const s6 = ws[w + 6]!;
    const s7 = ws[w + 7]!;
    // A row without AC terms is flat: libjpeg's zero-row shortcut.
    if ((s1 | s2 | s3 | s4 | s5 | s6 | s7) === 0) {
      const v = limit[((s0 + halfFlat) >> shiftFlat) & mask]!;
      out[o] = v;
      out[o + 1] = v;
      out[o + 2] = v;
      out[o + 3] = v;
      out[o + 4] = v;
      out[o + 5] = v;
      out[o + 6] = v;
      out[o + 7] = v;
      continue;
    }
    const e1 = Math.imul(s2 + s6, FIX_0_541196100);
    const t2 = (e1 + Math.imul(s6, -FIX_1_847759065)) | 0;
    const t3 = (e1 + Math.imul(s2, FIX_0_765366865)) | 0;
    const t0 = (s0 + s4) << CONST_BITS;
    const t1 = (s0 - s4) << CONST_BITS;
    const t10 = (t0 + t3) | 0;
    const t13 = (t0 - t3) | 0;
    const t11 = (t1 + t2) | 0;
    const t12 = (t1 - t2) | 0;
    const z5 = Math.imul(s7 + s3 + s5 + s1, FIX_1_175875602);
    const z1 = Math.imul(s7 + s1, -FIX_0_899976223);
    const z2 = Math.imul(s5 + s3, -FIX_2_562915447);
    const z3 = (Math.imul(s7 + s3, -FIX_1_961570560) + z5) | 0;
    const z4 = (Math.imul(s5 + s1, -FIX_0_390180644) + z5) | 0;
    const o0 = (Math.imul(s7, FIX_0_298631336) + z1 + z3) | 0;
    const o1 = (Math.imul(s5, FIX_2_053119869) + z2 + z4) | 0;
    const o2 = (Math.imul(s3, FIX_3_072711764) + z2 + z3) | 0;
    const o3 = (Math.imul(s1, FIX_1_501321110) + z1 + z4) | 0;
    out[o] = limit[((t10 + o3 + half2) >> shift2) & mask]!;
    out[o + 1] = limit[((t11 + o2 + half2) >> shift2) & mask]!;
    out[o + 2] = limit[((t12 + o1 + half2) >> shift2) & mask]!;
    out[o + 3] = limit[((t13 + o0 + half2) >> shift2) & mask]!;
    out[o + 4] = limit[((t13 - o0 + half2) >> shift2) & mask]!;
    out[o + 5] = limit[((t12 - o1 + half2) >> shift2) & mask]!;
    out[o + 6] = limit[((t11 - o2 + half2) >> shift2) & mask]!;
    out[o + 7] = limit[((t10 - o3 + half2) >> shift2) & mask]!;
  }
}
