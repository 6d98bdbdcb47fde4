import { daysBetween } from '../dates.ts';
import { formatNumber } from '../format.ts';
import type { ValueReader } from '../reader.ts';
import type { FlagContext, FlagRule } from './types.ts';
import { derivedCode } from './types.ts';

/** CRP normal < 10 mg/L (DOMAIN.md §5); "raised" is ≥ 10 (DOMAIN.md §8). */
export const CRP_RAISED_MG_L = 10;

/**
 * Days from the index surgery to the blood test (the test date, else today).
 * Undefined when the surgery date is not known.
 */
function daysAfterSurgery(r: ValueReader, today: string | undefined): { days?: number; note: string } {
  const surgery = r.date('history.indexSurgeryDate');
  const labDate = r.date('labs.date');
  const on = labDate ?? today;
  if (!surgery) return { note: 'index surgery date not recorded' };
  if (!on) return { note: 'date of blood tests not recorded' };
  const days = daysBetween(surgery, on);
  return {
    days,
    note: `${days} days after surgery${labDate ? '' : ' (test date not recorded; counted to today)'}`,
  };
}

function earlyTimingWithCrp({ r, derived }: FlagContext): number | undefined {
  const crp = r.number('labs.crp');
  return derivedCode(derived, 'history.timingClass') === 'early' &&
    crp !== undefined &&
    crp >= CRP_RAISED_MG_L
    ? crp
    : undefined;
}

const earlyTimingCrp: FlagRule = {
  id: 'earlyTimingCrp',
  label: 'Early symptoms with raised CRP',
  threshold: `Early timing (weeks after surgery) and CRP ≥ ${CRP_RAISED_MG_L} mg/L`,
  source:
    'DOMAIN.md §1, §8 — infection until proven otherwise; a second CRP rise or stalled fall is ~82% sensitive (Guyer JAAOS 2006)',
  fieldIds: ['history.timingClass', 'labs.crp', 'labs.date'],
  evaluate(ctx) {
    const crp = earlyTimingWithCrp(ctx);
    if (crp === undefined) return undefined;
    const { note } = daysAfterSurgery(ctx.r, ctx.today);
    return { severity: 'warning', detail: `Early timing; CRP ${formatNumber(crp, 1)} mg/L (${note})` };
  },
};

const crpRaised: FlagRule = {
  id: 'crpRaised',
  label: 'CRP raised',
  threshold: (config) =>
    `CRP ≥ ${CRP_RAISED_MG_L} mg/L more than ${config.crpEarlyWindowDays} days after surgery (window (check))`,
  source: 'DOMAIN.md §5, §8 — infection work-up',
  fieldIds: ['labs.crp', 'labs.date', 'history.indexSurgeryDate'],
  evaluate(ctx) {
    const crp = ctx.r.number('labs.crp');
    // The combined early-timing flag already names this CRP.
    if (crp === undefined || crp < CRP_RAISED_MG_L || earlyTimingWithCrp(ctx) !== undefined) return undefined;
    const { days, note } = daysAfterSurgery(ctx.r, ctx.today);
    if (days !== undefined && days <= ctx.config.crpEarlyWindowDays) return undefined;
    return { severity: 'caution', detail: `CRP ${formatNumber(crp, 1)} mg/L (${note})` };
  },
};

const esrRaised: FlagRule = {
  id: 'esrRaised',
  label: 'ESR raised',
  threshold: (config) =>
    `ESR ≥ ${config.esrRaisedMmPerHour} mm/h (check) more than ${config.esrEarlyWindowDays} days after surgery`,
  source: 'DOMAIN.md §5, §8 — infection work-up; ESR may stay raised 6 weeks after surgery',
  fieldIds: ['labs.esr', 'labs.date', 'history.indexSurgeryDate'],
  evaluate({ r, config, today }) {
    const esr = r.number('labs.esr');
    if (esr === undefined || esr < config.esrRaisedMmPerHour) return undefined;
    const { days, note } = daysAfterSurgery(r, today);
    if (days !== undefined && days <= config.esrEarlyWindowDays) return undefined;
    return { severity: 'info', detail: `ESR ${esr} mm/h (${note})` };
  },
};

export const INFECTION_FLAGS: readonly FlagRule[] = [earlyTimingCrp, crpRaised, esrRaised];
