import type { ChoiceOption } from '../types.ts';

/** Bridwell fusion grade (Bridwell KH et al., Spine 1995). */
export const BRIDWELL_GRADES: readonly ChoiceOption[] = [
  { code: 'I', label: 'I — fused, remodelled trabeculae' },
  { code: 'II', label: 'II — graft intact, not fully remodelled, no lucency' },
  { code: 'III', label: 'III — graft intact, possible lucency at top or bottom' },
  { code: 'IV', label: 'IV — not fused, graft collapsed or resorbed' },
];

/**
 * Brantigan–Steffee–Fraser cage fusion grade (Brantigan JW et al., Spine 2000). A and E are
 * confirmed; the wording of B–D is not and is flagged unverified.
 */
export const BSF_GRADES: readonly ChoiceOption[] = [
  { code: 'CF-A', label: 'CF-A — obvious pseudarthrosis' },
  { code: 'CF-B', label: 'CF-B — probable pseudarthrosis', unverified: true },
  { code: 'CF-C', label: 'CF-C — uncertain', unverified: true },
  { code: 'CF-D', label: 'CF-D — probable fusion', unverified: true },
  { code: 'CF-E', label: 'CF-E — locked fusion' },
];

/** Lenke posterolateral fusion grade A–D (Lenke LG et al., J Spinal Disord 1992). */
export const LENKE_GRADES: readonly ChoiceOption[] = [
  { code: 'A', label: 'A — definitely solid: big, trabeculated fusion masses on both sides' },
  { code: 'B', label: 'B — possibly solid: a big fusion mass on one side, a small one on the other' },
  { code: 'C', label: 'C — probably not solid: small, thin fusion masses with a possible crack' },
  { code: 'D', label: 'D — definitely not solid: resorbed graft or an obvious pseudarthrosis' },
];

/** Hardware state at a level; loosening = lucent halo > 1 mm (Sandén B et al., J Bone Joint Surg Br 2004). */
export const HARDWARE_FINDINGS: readonly ChoiceOption[] = [
  { code: 'intact', label: 'No hardware problem', exclusive: true },
  { code: 'screwLoosening', label: 'Screw loosening (lucent halo > 1 mm)' },
  { code: 'screwFracture', label: 'Screw fracture' },
  { code: 'rodFracture', label: 'Rod fracture' },
  { code: 'pullOut', label: 'Screw pull-out' },
  { code: 'breach', label: 'Screw breach' },
  { code: 'cageMigration', label: 'Cage migration / retropulsion' },
  { code: 'cageSubsidence', label: 'Cage subsidence (> 2 mm)' },
];

/** Pfirrmann disc degeneration on T2 MRI (Pfirrmann CW et al., Spine 2001). */
export const PFIRRMANN_GRADES: readonly ChoiceOption[] = [
  { code: 'I', label: 'I — homogeneous bright disc, normal height' },
  { code: 'II', label: 'II — inhomogeneous, bright, normal height' },
  { code: 'III', label: 'III — grey, normal to slightly reduced height' },
  { code: 'IV', label: 'IV — grey to black, moderately reduced height' },
  { code: 'V', label: 'V — black, collapsed disc space' },
];

/**
 * Schizas morphological grade of central stenosis on axial T2 (Schizas C et al., Spine 2010):
 * the rootlets and CSF inside the dural sac, and for C vs D the posterior epidural fat.
 */
export const SCHIZAS_GRADES: readonly ChoiceOption[] = [
  { code: 'A', label: 'A — no or minor stenosis: CSF clearly visible around the rootlets' },
  { code: 'B', label: 'B — moderate: rootlets fill the sac but can be told apart; some CSF (grainy)' },
  { code: 'C', label: 'C — severe: no CSF, rootlets not recognisable; posterior epidural fat present' },
  { code: 'D', label: 'D — extreme: no CSF, no rootlets and no posterior epidural fat' },
];

/** Meyerding slip grade by percentage of the endplate (Meyerding HW, Surg Gynecol Obstet 1932). */
export const MEYERDING_GRADES: readonly ChoiceOption[] = [
  { code: 'none', label: 'No slip' },
  { code: 'I', label: 'I — 0–25 %' },
  { code: 'II', label: 'II — 26–50 %' },
  { code: 'III', label: 'III — 51–75 %' },
  { code: 'IV', label: 'IV — 76–100 %' },
  { code: 'V', label: 'V — > 100 % (spondyloptosis)' },
];

/** UCLA disc degeneration grade I–IV (definitions unconfirmed (check)). */
export const UCLA_GRADES: readonly ChoiceOption[] = [
  { code: 'I', label: 'I — no narrowing, osteophytes or sclerosis', unverified: true },
  { code: 'II', label: 'II — one of narrowing, osteophytes, sclerosis', unverified: true },
  { code: 'III', label: 'III — two of the three', unverified: true },
  { code: 'IV', label: 'IV — all three', unverified: true },
];

/** Other adjacent-segment and junctional findings; PJK per Glattes RC et al., Spine 2005. */
export const ADJACENT_FINDINGS: readonly ChoiceOption[] = [
  { code: 'facetArthropathy', label: 'Facet arthropathy' },
  { code: 'newSpondylolisthesis', label: 'New spondylolisthesis' },
  {
    code: 'pjk',
    label: 'Proximal junctional kyphosis',
    help: 'Junctional angle > 10° and ≥ 10° more than before surgery.',
  },
  { code: 'pjf', label: 'Proximal junctional failure' },
];

/** Modic endplate signal change (Modic MT et al., Radiology 1988). */
export const MODIC_TYPES: readonly ChoiceOption[] = [
  { code: 'none', label: 'None' },
  { code: '1', label: '1 — T1 low, T2 high (oedema, inflammation)' },
  { code: '2', label: '2 — T1 high, T2 iso/high (fatty)' },
  { code: '3', label: '3 — T1 low, T2 low (sclerosis)' },
];

/** Foraminal stenosis on sagittal T1/T2 MRI (Lee S et al., AJR Am J Roentgenol 2010). */
export const FORAMINAL_GRADES: readonly ChoiceOption[] = [
  { code: '0', label: '0 — normal' },
  { code: '1', label: '1 — mild: perineural fat obliterated in two directions' },
  { code: '2', label: '2 — moderate: fat obliterated in four directions, root not deformed' },
  { code: '3', label: '3 — severe: nerve root collapsed or deformed' },
];
