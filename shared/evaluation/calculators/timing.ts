import type { EvaluationConfig } from '../config.ts';
import { daysBetween } from '../dates.ts';

/**
 * Timing of symptoms after the index surgery and what each suggests (Guyer RD et al., J Am Acad Orthop Surg 2006;
 * ISSLS; spine-health). The cut-offs are convention (check) and come from config.ts.
 * 'intermediate' (between the early and late cut-offs) has no sourced meaning of its own.
 */
export type TimingClass = 'immediate' | 'early' | 'intermediate' | 'late';

export const TIMING_LABELS: Record<TimingClass, string> = {
  immediate: 'Immediate — never relieved',
  early: 'Early (weeks)',
  intermediate: 'Intermediate (months)',
  late: 'Late — after a pain-free interval',
};

export const TIMING_SUGGESTS: Record<TimingClass, string> = {
  immediate: 'Wrong diagnosis, level or procedure, or technique',
  early: 'Infection',
  intermediate: 'No single pattern: consider the early and late causes',
  late: 'Pseudarthrosis or adjacent-segment disease',
};

export interface TimingInput {
  readonly neverRelieved: boolean;
  readonly surgeryDate?: string;
  readonly onsetDate?: string;
  readonly manual?: TimingClass;
}

export type TimingResult =
  | {
      readonly ok: true;
      readonly timing: TimingClass;
      readonly basis: 'course' | 'dates' | 'manual';
      readonly days?: number;
    }
  | { readonly ok: false; readonly reason: string };

/** Symptoms that returned after some relief: never 'immediate', which means never relieved. */
export function classifyInterval(days: number, cutoffs: EvaluationConfig['timing']): TimingClass {
  if (days <= cutoffs.earlyMaxDays) return 'early';
  return days > cutoffs.lateMinDays ? 'late' : 'intermediate';
}

/** Dates win over the manual choice; "never relieved" wins over both. */
export function timingClass(input: TimingInput, cutoffs: EvaluationConfig['timing']): TimingResult {
  if (input.neverRelieved) return { ok: true, timing: 'immediate', basis: 'course' };
  if (input.surgeryDate && input.onsetDate) {
    const days = daysBetween(input.surgeryDate, input.onsetDate);
    if (days < 0) return { ok: false, reason: 'Symptom onset is before the index surgery' };
    return { ok: true, timing: classifyInterval(days, cutoffs), basis: 'dates', days };
  }
  if (input.manual) return { ok: true, timing: input.manual, basis: 'manual' };
  return { ok: false, reason: 'Needs the index surgery date and the symptom onset date, or a timing choice' };
}
