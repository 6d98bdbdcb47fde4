import type { ChoiceOption } from '../types.ts';

/** MRC motor grades 0–5 as used by the ISNCSCI exam (Kirshblum SC et al., J Spinal Cord Med 2011); NT = not testable. */
export const MRC_GRADES: readonly ChoiceOption[] = [
  { code: '0', label: '0 — no contraction' },
  { code: '1', label: '1 — flicker or trace of contraction' },
  { code: '2', label: '2 — active movement, gravity eliminated' },
  { code: '3', label: '3 — active movement against gravity' },
  { code: '4', label: '4 — against gravity and some resistance' },
  { code: '5', label: '5 — normal power' },
  { code: 'NT', label: 'NT — not testable' },
];

/** Sensory score per dermatome: 0 absent, 1 altered, 2 normal (ISNCSCI; Kirshblum SC et al., J Spinal Cord Med 2011). */
export const SENSORY_GRADES: readonly ChoiceOption[] = [
  { code: '0', label: '0 — absent' },
  { code: '1', label: '1 — altered' },
  { code: '2', label: '2 — normal' },
  { code: 'NT', label: 'NT — not testable' },
];

/** Tendon reflex scale (Hallett M, NINDS myotatic reflex scale, Neurology 1993). */
export const REFLEX_GRADES: readonly ChoiceOption[] = [
  { code: '0', label: '0 — absent' },
  { code: '1+', label: '1+ — reduced' },
  { code: '2+', label: '2+ — normal' },
  { code: '3+', label: '3+ — brisk' },
  { code: '4+', label: '4+ — very brisk, clonus' },
];

export const SLR_RESULTS: readonly ChoiceOption[] = [
  { code: 'negative', label: 'Negative' },
  { code: 'positive', label: 'Positive' },
];
