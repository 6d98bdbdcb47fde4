/**
 * Tissue and implant materials: CT number (HU), X-ray attenuation relative to water for the
 * radiographs, and T2-weighted TSE signal (arbitrary units, 1000 ≈ CSF) for the MR series.
 *
 * Values are typical textbook figures, not measurements of any patient: fat ≈ −100 HU, muscle
 * 40–60 HU, CSF 0–15 HU, disc 70–100 HU, cancellous bone 100–250 HU in an osteopenic adult (lower
 * than the ~300 HU of a young spine; Schreiber JJ et al., J Bone Joint Surg Am 2011),
 * cortical bone > 1000 HU. PEEK ≈ 300 HU. Titanium exceeds the 12-bit CT range and is capped at
 * 3071 HU (stored 4095 with intercept −1024). On T2 TSE, CSF, fluid and fat are bright, hydrated
 * nucleus pulposus bright, a degenerated (Pfirrmann IV) nucleus grey-dark, cortex, ligament, PEEK
 * and metal dark (Pfirrmann CW et al., Spine 2001).
 */
export interface Material {
  readonly name: string;
  readonly hu: number;
  /**
   * Linear attenuation relative to water at a radiograph's effective energy (~45 keV at 80–90 kVp).
   * Derived from HU with dense tissue weighted ×2.5: photoelectric absorption in calcium rises
   * steeply below CT's ~70 keV, so bone stands out more on film than its HU suggest.
   */
  readonly mu: number;
  readonly t2: number;
}

const m = (name: string, hu: number, t2: number, mu?: number): Material => ({
  name,
  hu,
  t2,
  mu: mu ?? Math.max(0, 1 + (hu > 0 ? 2.5 : 1) * (hu / 1000)),
});

/** Material ids: indices into MATERIALS. */
export const MAT = {
  air: 0,
  fat: 1,
  muscle: 2,
  viscera: 3,
  bowel: 4,
  gas: 5,
  blood: 6,
  kidney: 7,
  liver: 8,
  lung: 9,
  heart: 10,
  urine: 11,
  cortical: 12,
  cancellous: 13,
  posteriorCancellous: 14,
  annulus: 15,
  nucleus: 16,
  nucleusDegenerate: 17,
  vacuum: 18,
  csf: 19,
  cord: 20,
  nerveRoot: 21,
  epiduralFat: 22,
  ligament: 23,
  cartilage: 24,
  titanium: 25,
  peek: 26,
  tantalum: 27,
  graftFused: 28,
  graftResorbing: 29,
  fibrousCleft: 30,
  sclerosis: 31,
  plaque: 32,
  yellowMarrow: 33,
  fluid: 34,
  skin: 35,
} as const;

export type MaterialId = (typeof MAT)[keyof typeof MAT];

export const MATERIALS: readonly Material[] = [
  m('air', -1000, 0),
  m('fat', -100, 620),
  m('muscle', 50, 170),
  m('viscera', -25, 330),
  m('bowel', 30, 420),
  m('gas', -950, 0),
  m('blood', 40, 90), // flow void on spin echo
  m('kidney', 30, 520),
  m('liver', 55, 230),
  m('lung', -850, 25),
  m('heart', 40, 150),
  m('urine', 5, 1000),
  m('cortical', 1250, 20),
  m('cancellous', 170, 520),
  m('posteriorCancellous', 320, 380),
  m('annulus', 90, 140),
  m('nucleus', 70, 820),
  m('nucleusDegenerate', 85, 190),
  m('vacuum', -850, 0),
  m('csf', 8, 1000),
  m('cord', 35, 380),
  m('nerveRoot', 35, 260),
  m('epiduralFat', -90, 600),
  m('ligament', 65, 80),
  m('cartilage', 95, 330),
  // Ti-6Al-4V: ~4.4 g/cm³, about 15× water's attenuation near 45 keV.
  m('titanium', 3071, 0, 15),
  m('peek', 300, 25),
  // Tantalum marker pins (16.6 g/cm³): fully opaque on film.
  m('tantalum', 3071, 0, 60),
  m('graftFused', 430, 360),
  m('graftResorbing', 200, 300),
  m('fibrousCleft', 25, 760), // fluid/fibrous tissue: dark on CT, bright on T2 (the "cleft sign")
  m('sclerosis', 750, 40),
  m('plaque', 700, 20),
  m('yellowMarrow', -60, 600),
  m('fluid', 10, 950),
  m('skin', 40, 250),
];

/** A per-material lookup table of one property, for the renderers' inner loops. */
export const materialTable = (pick: (mat: Material) => number): Float32Array =>
  Float32Array.from(MATERIALS, pick);
