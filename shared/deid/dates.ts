/**
 * Date arithmetic for the Modified Dates option: every DA and DT value of a bundle moves by the
 * same whole number of days, so intervals (time since surgery, between studies) survive.
 */
const DAY_MS = 86_400_000;

function shiftYmd(ymd: string, days: number): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(ymd);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * DAY_MS;
  if (Number.isNaN(t)) return null;
  return new Date(t).toISOString().slice(0, 10).replace(/-/g, '');
}

/** A DA value (YYYYMMDD; a range "A-B" shifts both ends) moved by `days`; null if unreadable. */
export function shiftDicomDate(value: string, days: number): string | null {
  const parts = value.trim().split('-');
  const shifted = parts.map((p) => (p === '' ? '' : shiftYmd(p, days)));
  return shifted.some((p) => p === null) ? null : shifted.join('-');
}

/** A DT value: the date part moves, time and offset stay; partial DTs keep their precision. */
export function shiftDicomDateTime(value: string, days: number): string | null {
  const v = value.trim();
  if (v.length < 8) return null;
  const date = shiftYmd(v.slice(0, 8), days);
  return date === null ? null : date + v.slice(8);
}

/** An ISO calendar date (YYYY-MM-DD) moved by `days`. */
export function shiftIsoDate(iso: string, days: number): string | null {
  const s = shiftYmd(iso.replace(/-/g, ''), days);
  return s === null ? null : `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/** Completed years between two YYYYMMDD / YYYY-MM-DD dates; null if either is unreadable. */
export function ageInYears(birth: string, on: string): number | null {
  const b = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(birth);
  const o = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(on);
  if (!b || !o) return null;
  let years = Number(o[1]) - Number(b[1]);
  if (Number(o[2]) * 100 + Number(o[3]) < Number(b[2]) * 100 + Number(b[3])) years--;
  return years >= 0 && years < 150 ? years : null;
}

/** PatientAge (AS) for a number of completed years: "045Y". */
export const ageString = (years: number): string => `${String(years).padStart(3, '0')}Y`;
