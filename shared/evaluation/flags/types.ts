import type { EvaluationConfig } from '../config.ts';
import type { DerivedValues } from '../derived/types.ts';
import type { ValueReader } from '../reader.ts';

/**
 * urgent: act before the conference (neurological red flags); warning: discuss; caution: consider;
 * info: note. FlagLevel and FlagSeverity are the same scale (level is the name other views use).
 */
export type FlagSeverity = 'info' | 'caution' | 'warning' | 'urgent';
export type FlagLevel = FlagSeverity;

/** A prompt for discussion at the conference — never a verdict. */
export interface DiscussionFlag {
  readonly id: string;
  readonly label: string;
  /** What was found, with values and units. */
  readonly detail: string;
  /** The threshold checked, in words. */
  readonly threshold: string;
  readonly source: string;
  readonly severity: FlagSeverity;
  readonly level: FlagLevel;
  /** Fields to jump to from the flag. */
  readonly fieldIds: readonly string[];
}

export interface FlagContext {
  readonly r: ValueReader;
  readonly derived: DerivedValues;
  readonly config: EvaluationConfig;
  /** Today (YYYY-MM-DD); checks that need it are skipped without it. */
  readonly today?: string;
}

export interface FlagFinding {
  readonly severity: FlagSeverity;
  readonly detail: string;
}

/** A flag rule is data (shown as "what is checked") plus a pure evaluate function. */
export interface FlagRule {
  readonly id: string;
  readonly label: string;
  readonly threshold: string | ((config: EvaluationConfig) => string);
  readonly source: string;
  readonly fieldIds: readonly string[];
  evaluate(ctx: FlagContext): FlagFinding | undefined;
}

export const SEVERITY_RANK: Record<FlagSeverity, number> = { info: 0, caution: 1, warning: 2, urgent: 3 };

/** Join several findings of one rule: the most severe wins, details are listed. */
export function combineFindings(findings: readonly (FlagFinding | undefined)[]): FlagFinding | undefined {
  const found = findings.filter((f): f is FlagFinding => f !== undefined);
  if (found.length === 0) return undefined;
  const severity = found.reduce<FlagSeverity>(
    (worst, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst] ? f.severity : worst),
    'info',
  );
  return { severity, detail: found.map((f) => f.detail).join('; ') };
}

export function derivedNumber(derived: DerivedValues, id: string): number | undefined {
  const d = derived[id];
  return d?.available && typeof d.value === 'number' ? d.value : undefined;
}

export function derivedCode(derived: DerivedValues, id: string): string | boolean | undefined {
  const d = derived[id];
  return d?.available && typeof d.value !== 'number' ? d.value : undefined;
}

export function derivedText(derived: DerivedValues, id: string): string | undefined {
  const d = derived[id];
  return d?.available ? d.text : undefined;
}
