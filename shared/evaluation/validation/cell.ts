import { isCalendarDate } from '../dates.ts';
import { formatNumber, formatQuantity, formatRange, withUnit } from '../format.ts';
import type { CellField, NumberField, ScoreField } from '../types.ts';

/** Earliest date accepted anywhere on the form: older dates are typos (e.g. 1019 for 2019). */
export const EARLIEST_DATE = '1900-01-01';

export interface CellContext {
  /** Today as YYYY-MM-DD; without it "not in the future" is not checked. */
  readonly today?: string;
}

const quote = (s: string) => `“${s}”`;

function checkNumber(field: NumberField, value: unknown, label: string): string[] {
  const range = `between ${formatNumber(field.min)} and ${withUnit(formatNumber(field.max), field.unit)}`;
  if (typeof value === 'string') {
    const what = field.kind === 'integer' ? 'a whole number' : 'a number';
    return [`${label} must be ${what} ${range} (entered ${quote(value)}).`];
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return [`${label} has an invalid value.`];
  if (field.kind === 'integer' && !Number.isInteger(value)) {
    return [`${label} must be a whole number (entered ${formatNumber(value, 4)}).`];
  }
  if (value >= field.min && value <= field.max) return [];
  const entered = formatQuantity(value, field.unit, 4);
  return field.range === 'scale'
    ? [`${label} must be ${range} (entered ${entered}).`]
    : [
        `${label} ${entered} is outside the plausible range ${formatRange(field.min, field.max, field.unit)}.`,
      ];
}

function checkDate(notInFuture: boolean, value: unknown, label: string, ctx: CellContext): string[] {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const shown = typeof value === 'string' ? ` (entered ${quote(value)})` : '';
    return [`${label} must be a date written YYYY-MM-DD${shown}.`];
  }
  if (!isCalendarDate(value)) return [`${label}: ${value} is not a real calendar date.`];
  if (value < EARLIEST_DATE) return [`${label} ${value} is implausibly early (before 1900).`];
  if (notInFuture && ctx.today !== undefined && value > ctx.today) {
    return [`${label} cannot be in the future (entered ${value}; today is ${ctx.today}).`];
  }
  return [];
}

function checkScore(field: ScoreField, value: unknown, label: string): string[] {
  const scores = field.options.map((o) => o.score);
  if (typeof value === 'number' && scores.includes(value)) return [];
  const shown = typeof value === 'number' || typeof value === 'string' ? ` (entered ${String(value)})` : '';
  return [`${label} must be one of ${scores.join(', ')}${shown}.`];
}

/**
 * Messages for one answered value of a scalar field (blank values are not checked here).
 * `label` is what the message names: the field label, or "L4-L5 Fusion (Bridwell)" in a grid.
 */
export function checkCell(
  field: CellField | ScoreField,
  value: unknown,
  label: string,
  ctx: CellContext,
): string[] {
  switch (field.kind) {
    case 'integer':
    case 'decimal':
      return checkNumber(field, value, label);
    case 'date':
      return checkDate(field.notInFuture, value, label, ctx);
    case 'score':
      return checkScore(field, value, label);
    case 'text':
    case 'longText':
      if (typeof value !== 'string') return [`${label} has an invalid value.`];
      return value.length > field.maxLength
        ? [`${label} is too long (${value.length} characters; at most ${field.maxLength}).`]
        : [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${label} must be yes or no.`];
    case 'singleChoice':
      if (typeof value !== 'string') return [`${label} has an invalid value.`];
      return field.options.some((o) => o.code === value)
        ? []
        : [`${label}: ${quote(value)} is not one of the options.`];
    case 'multiChoice': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        return [`${label} has an invalid value.`];
      const codes = value as readonly string[];
      const messages = codes
        .filter((c) => !field.options.some((o) => o.code === c))
        .map((c) => `${label}: ${quote(c)} is not one of the options.`);
      const exclusive = field.options.find((o) => o.exclusive && codes.includes(o.code));
      if (exclusive && codes.length > 1) {
        messages.push(`${label}: ${quote(exclusive.label)} cannot be combined with other choices.`);
      }
      return messages;
    }
  }
}
