import type { ChoiceOption } from '../types.ts';

/** Bridwell fusion grade on CT (DOMAIN.md §6). */
export const BRIDWELL_GRADES: readonly ChoiceOption[] = [
  { code: 'I', label: 'I — fused, remodelled trabeculae' },
  { code: 'II', label: 'II — graft intact, not fully remodelled, no lucency' },
  { code: 'III', label: 'III — graft intact, possible lucency at top or bottom' },
  { code: 'IV', label: 'IV — not fused, graft collapsed or resorbed' },
];

/**
 * Brantigan–Steffee–Fraser cage fusion grade (DOMAIN.md §6). A and E are sourced; the wording of
 * B–D is marked (check) in DOMAIN.md and flagged unverified here.
 */
export const BSF_GRADES: readonly ChoiceOption[] = [
  { code: 'CF-A', label: 'CF-A — obvious pseudarthrosis' },
  { code: 'CF-B', label: 'CF-B — probable pseudarthrosis', unverified: true },
  { code: 'CF-C', label: 'CF-C — uncertain', unverified: true },
  { code: 'CF-D', label: 'CF-D — probable fusion', unverified: true },
  { code: 'CF-E', label: 'CF-E — locked fusion' },
];

/** Lenke posterolateral fusion grade A–D (DOMAIN.md §6, marked (check)). */
export const LENKE_GRADES: readonly ChoiceOption[] = [
  { code: 'A', label: 'A — definitely solid, bilateral trabeculated masses', unverified: true },
  { code: 'B', label: 'B — possibly solid, one large and one thin mass', unverified: true },
  { code: 'C', label: 'C — probably not solid, thin masses', unverified: true },
  { code: 'D', label: 'D — definitely not solid, graft resorbed', unverified: true },
];

/** Hardware state at a level (DOMAIN.md §6). */
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

/** Pfirrmann disc degeneration on T2 MRI (DOMAIN.md §6). */
export const PFIRRMANN_GRADES: readonly ChoiceOption[] = [
  { code: 'I', label: 'I — homogeneous bright disc, normal height' },
  { code: 'II', label: 'II — inhomogeneous, bright, normal height' },
  { code: 'III', label: 'III — grey, normal to slightly reduced height' },
  { code: 'IV', label: 'IV — grey to black, moderately reduced height' },
  { code: 'V', label: 'V — black, collapsed disc space' },
];

/** Schizas morphological grade of central stenosis on axial T2 (DOMAIN.md §6). */
export const SCHIZAS_GRADES: readonly ChoiceOption[] = [
  { code: 'A', label: 'A — no or minor stenosis, CSF visible' },
  { code: 'B', label: 'B — moderate, rootlets fill the sac but separable' },
  { code: 'C', label: 'C — severe, rootlets not separable, some CSF' },
  { code: 'D', label: 'D — extreme, no CSF, no epidural fat' },
];

/** Meyerding slip grade by percentage of the endplate (DOMAIN.md §6). */
export const MEYERDING_GRADES: readonly ChoiceOption[] = [
  { code: 'none', label: 'No slip' },
  { code: 'I', label: 'I — 0–25 %' },
  { code: 'II', label: 'II — 26–50 %' },
  { code: 'III', label: 'III — 51–75 %' },
  { code: 'IV', label: 'IV — 76–100 %' },
  { code: 'V', label: 'V — > 100 % (spondyloptosis)' },
];

/** UCLA disc degeneration grade I–IV (DOMAIN.md §6, marked (check)). */
export const UCLA_GRADES: readonly ChoiceOption[] = [
  { code: 'I', label: 'I — no narrowing, osteophytes or sclerosis', unverified: true },
  { code: 'II', label: 'II — one of narrowing, osteophytes, sclerosis', unverified: true },
  { code: 'III', label: 'III — two of the three', unverified: true },
  { code: 'IV', label: 'IV — all three', unverified: true },
];

/** Other adjacent-segment and junctional findings (DOMAIN.md §6). */
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
