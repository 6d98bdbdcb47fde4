// The accurate integer inverse DCT of the IJG libjpeg (jidctint.c, "jpeg_idct_islow"), the default
// of libjpeg 6b, libjpeg-turbo, dcmtk and GDCM. Reproducing it to the bit makes our lossy JPEG output
// identical to theirs rather than merely close. Arithmetic is done in doubles (exact for these
// magnitudes) with floor division standing in for C's arithmetic right shift.

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

/** 2^-n for every shift used: multiplying by a power of two is exact, and cheaper than `/ 2 ** n`. */
const INVERSE_POWERS = Array.from({ length: 32 }, (_, n) => 2 ** -n);
const HALF_POWERS = Array.from({ length: 32 }, (_, n) => (n ? 2 ** (n - 1) : 0));

const descale = (x: number, n: number): number => Math.floor((x + HALF_POWERS[n]!) * INVERSE_POWERS[n]!);

/**
 * libjpeg's post-IDCT range limit (jdmaster.c prepare_range_limit_table): adds the centre value and
 * clamps, wrapping far-out values the way its masked table lookup does.
 */
function rangeLimit(x: number, precision: number): number {
  const size = 2 ** precision;
  const centre = size / 2;
  // Nearly every sample lands inside the range: no wrapping to consider.
  if (x >= -centre && x < centre) return x + centre;
  const mask = 4 * size;
  const idx = ((x % mask) + mask) % mask;
  if (idx < 2 * size) return Math.min(size - 1, idx + centre);
  return Math.max(0, idx - mask + centre);
}

/** Even/odd butterfly shared by both passes; writes 8 values of `src` (stride) descaled by `shift`. */
function butterfly(
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  s5: number,
  s6: number,
  s7: number,
  out: Float64Array,
  at: number,
  stride: number,
  shift: number,
): void {
  let z1 = (s2 + s6) * FIX_0_541196100;
  const t2 = z1 + s6 * -FIX_1_847759065;
  const t3 = z1 + s2 * FIX_0_765366865;
  const t0 = (s0 + s4) * 2 ** CONST_BITS;
  const t1 = (s0 - s4) * 2 ** CONST_BITS;
  const t10 = t0 + t3;
  const t13 = t0 - t3;
  const t11 = t1 + t2;
  const t12 = t1 - t2;

  let o0 = s7;
  let o1 = s5;
  let o2 = s3;
  let o3 = s1;
  z1 = o0 + o3;
  let z2 = o1 + o2;
  let z3 = o0 + o2;
  let z4 = o1 + o3;
  const z5 = (z3 + z4) * FIX_1_175875602;
  o0 *= FIX_0_298631336;
  o1 *= FIX_2_053119869;
  o2 *= FIX_3_072711764;
  o3 *= FIX_1_501321110;
  z1 *= -FIX_0_899976223;
  z2 *= -FIX_2_562915447;
  z3 *= -FIX_1_961570560;
  z4 *= -FIX_0_390180644;
  z3 += z5;
  z4 += z5;
  o0 += z1 + z3;
  o1 += z2 + z4;
  o2 += z2 + z3;
  o3 += z1 + z4;

  out[at] = descale(t10 + o3, shift);
  out[at + 7 * stride] = descale(t10 - o3, shift);
  out[at + stride] = descale(t11 + o2, shift);
  out[at + 6 * stride] = descale(t11 - o2, shift);
  out[at + 2 * stride] = descale(t12 + o1, shift);
  out[at + 5 * stride] = descale(t12 - o1, shift);
  out[at + 3 * stride] = descale(t13 + o0, shift);
  out[at + 4 * stride] = descale(t13 - o0, shift);
}

const work = new Float64Array(64);
const row = new Float64Array(8);

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
  for (let c = 0; c < 8; c++) {
    const b = coefAt + c;
    let acZero = true;
    for (let k = 1; k < 8 && acZero; k++) acZero = coef[b + 8 * k] === 0;
    if (acZero) {
      const dc = coef[b]! * quant[c]! * 2 ** pass1;
      for (let k = 0; k < 8; k++) work[8 * k + c] = dc;
      continue;
    }
    butterfly(
      coef[b]! * quant[c]!,
      coef[b + 8]! * quant[8 + c]!,
      coef[b + 16]! * quant[16 + c]!,
      coef[b + 24]! * quant[24 + c]!,
      coef[b + 32]! * quant[32 + c]!,
      coef[b + 40]! * quant[40 + c]!,
      coef[b + 48]! * quant[48 + c]!,
      coef[b + 56]! * quant[56 + c]!,
      work,
      c,
      8,
      CONST_BITS - pass1,
    );
  }
  const shift = CONST_BITS + pass1 + 3;
  const size = 2 ** precision;
  const centre = size / 2;
  for (let r = 0; r < 8; r++) {
    const w = 8 * r;
    const o = at + r * pitch;
    // A row without AC terms is flat: libjpeg's zero-row shortcut, the same value as the full
    // butterfly gives (descale(x · 2^13, 13 + n) = descale(x, n)).
    if (
      work[w + 1] === 0 &&
      work[w + 2] === 0 &&
      work[w + 3] === 0 &&
      work[w + 4] === 0 &&
      work[w + 5] === 0 &&
      work[w + 6] === 0 &&
      work[w + 7] === 0
    ) {
      const x = descale(work[w]!, pass1 + 3);
      out.fill(x >= -centre && x < centre ? x + centre : rangeLimit(x, precision), o, o + 8);
      continue;
    }
    butterfly(
      work[w]!,
      work[w + 1]!,
      work[w + 2]!,
      work[w + 3]!,
      work[w + 4]!,
      work[w + 5]!,
      work[w + 6]!,
      work[w + 7]!,
      row,
      0,
      1,
      shift,
    );
    for (let k = 0; k < 8; k++) {
      const x = row[k]!;
      out[o + k] = x >= -centre && x < centre ? x + centre : rangeLimit(x, precision);
    }
  }
}
