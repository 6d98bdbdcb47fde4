import { daysBetween } from '../dates.ts';
import { formatNumber } from '../format.ts';
import type { ValueReader } from '../reader.ts';
import { describeQuantity } from '../reader.ts';
import type { FlagContext, FlagRule } from './types.ts';
import { derivedCode } from './types.ts';

/** CRP normal < 10 mg/L; "raised" is ≥ 10 (Mok JM et al., Spine 2008). */
export const CRP_RAISED_MG_L = 10;

/**
 * Expected CRP course after spinal surgery: peak on day 2–3, back towards normal by about 2 weeks;
 * a second rise or a failure to fall was 82 % sensitive for an early infection (Mok JM et al.,
 * Spine 2008; Thelander U, Larsson S, Spine 1992).
 */
export const CRP_PEAK_LAST_DAY = 3;
const CRP_COURSE_SOURCE = 'Mok JM et al., Spine 2008; Thelander U, Larsson S, Spine 1992';

/** Days from the index surgery to a test (the test date, else today). */
function daysAfterSurgery(
  r: ValueReader,
  dateId: string,
  today: string | undefined,
): { days?: number; note: string } {
  const surgery = r.date('history.indexSurgeryDate');
  const labDate = r.date(dateId);
  const on = labDate ?? today;
  if (!surgery) return { note: 'index surgery date not recorded' };
  if (!on) return { note: 'date of blood tests not recorded' };
  const days = daysBetween(surgery, on);
  return {
    days,
    note: `${days} days after surgery${labDate ? '' : ' (test date not recorded; counted to today)'}`,
  };
}

function inEarlyWindow(ctx: FlagContext): boolean {
  const { days } = daysAfterSurgery(ctx.r, 'labs.date', ctx.today);
  return days !== undefined && days <= ctx.config.crpEarlyWindowDays;
}

/**
 * Within the early window a single raised CRP is expected; the signal is its course. With an
 * earlier value after day 3: not falling (or rising again) is a warning. A raised value alone
 * prompts a repeat test.
 */
const crpEarlyCourse: FlagRule = {
  id: 'crpEarlyCourse',
  label: 'Early post-operative CRP course',
  threshold: (config) =>
    `Within ${config.crpEarlyWindowDays} days of surgery: CRP normally peaks day 2–3 and falls by 2 weeks; a second rise or a failure to fall after day ${CRP_PEAK_LAST_DAY} is the signal`,
  source: CRP_COURSE_SOURCE,
  fieldIds: ['labs.crp', 'labs.date', 'labs.crpPrevious', 'labs.crpPreviousDate', 'history.indexSurgeryDate'],
  evaluate(ctx) {
    const crp = ctx.r.quantity('labs.crp');
    if (!crp || !inEarlyWindow(ctx)) return undefined;
    const { days, note } = daysAfterSurgery(ctx.r, 'labs.date', ctx.today);
    const prev = ctx.r.quantity('labs.crpPrevious');
    const prevOn = daysAfterSurgery(ctx.r, 'labs.crpPreviousDate', undefined);
    const now = `CRP ${describeQuantity(crp)}, ${note}`;
    if (
      prev &&
      prevOn.days !== undefined &&
      days !== undefined &&
      prevOn.days < days &&
      days > CRP_PEAK_LAST_DAY
    ) {
      const was = `from ${describeQuantity(prev)} on day ${prevOn.days}`;
      if (crp.canonical > prev.canonical && prevOn.days >= CRP_PEAK_LAST_DAY)
        return { severity: 'warning', detail: `${now}: a second rise ${was} — infection work-up` };
      if (crp.canonical >= prev.canonical)
        return { severity: 'warning', detail: `${now}: not falling ${was} — infection work-up` };
      return crp.canonical >= CRP_RAISED_MG_L
        ? { severity: 'info', detail: `${now}: falling ${was}, as expected` }
        : undefined;
    }
    if (crp.canonical < CRP_RAISED_MG_L) return undefined;
    return {
      severity: 'caution',
      detail: `${now}: a raised CRP is expected this early — repeat it; a second rise or a failure to fall is the signal`,
    };
  },
};

function lateRaisedCrp(ctx: FlagContext) {
  const crp = ctx.r.quantity('labs.crp');
  return crp && crp.canonical >= CRP_RAISED_MG_L && !inEarlyWindow(ctx) ? crp : undefined;
}

const earlyTimingCrp: FlagRule = {
  id: 'earlyTimingCrp',
  label: 'Early symptoms with raised CRP',
  threshold: (config) =>
    `Symptoms within weeks of surgery and CRP ≥ ${CRP_RAISED_MG_L} mg/L more than ${config.crpEarlyWindowDays} days after surgery`,
  source: `${CRP_COURSE_SOURCE}; Guyer RD et al., J Am Acad Orthop Surg 2006 (early failure suggests infection)`,
  fieldIds: ['history.timingClass', 'labs.crp', 'labs.date'],
  evaluate(ctx) {
    const crp = lateRaisedCrp(ctx);
    if (!crp || derivedCode(ctx.derived, 'history.timingClass') !== 'early') return undefined;
    const { note } = daysAfterSurgery(ctx.r, 'labs.date', ctx.today);
    return { severity: 'warning', detail: `Early timing; CRP ${describeQuantity(crp)} (${note})` };
  },
};

const crpRaised: FlagRule = {
  id: 'crpRaised',
  label: 'CRP raised',
  threshold: (config) =>
    `CRP ≥ ${CRP_RAISED_MG_L} mg/L more than ${config.crpEarlyWindowDays} days after surgery (window (check))`,
  source: CRP_COURSE_SOURCE,
  fieldIds: ['labs.crp', 'labs.date', 'history.indexSurgeryDate'],
  evaluate(ctx) {
    const crp = lateRaisedCrp(ctx);
    // The combined early-timing flag already names this CRP.
    if (!crp || derivedCode(ctx.derived, 'history.timingClass') === 'early') return undefined;
    const { note } = daysAfterSurgery(ctx.r, 'labs.date', ctx.today);
    return { severity: 'caution', detail: `CRP ${describeQuantity(crp)} (${note})` };
  },
};

const esrRaised: FlagRule = {
  id: 'esrRaised',
  label: 'ESR raised',
  threshold: (config) =>
    `ESR ≥ ${config.esrRaisedMmPerHour} mm/h (check) more than ${config.esrEarlyWindowDays} days after surgery`,
  source:
    'Thelander U, Larsson S, Spine 1992 (ESR stays raised for weeks after surgery); Mok JM et al., Spine 2008',
  fieldIds: ['labs.esr', 'labs.date', 'history.indexSurgeryDate'],
  evaluate({ r, config, today }) {
    const esr = r.number('labs.esr');
    if (esr === undefined || esr < config.esrRaisedMmPerHour) return undefined;
    const { days, note } = daysAfterSurgery(r, 'labs.date', today);
    if (days !== undefined && days <= config.esrEarlyWindowDays) return undefined;
    return { severity: 'info', detail: `ESR ${formatNumber(esr, 0)} mm/h (${note})` };
  },
};

export const INFECTION_FLAGS: readonly FlagRule[] = [crpEarlyCourse, earlyTimingCrp, crpRaised, esrRaised];
