import { resolveConfig } from '../config.ts';
import type { EvaluationConfig, EvaluationConfigOverride } from '../config.ts';
import type { DerivedValues } from '../derived/types.ts';
import { createReader } from '../reader.ts';
import type { EvaluationValues } from '../values.ts';
import { ALIGNMENT_FLAGS } from './alignment.ts';
import { COMORBIDITY_FLAGS } from './comorbidity.ts';
import { INFECTION_WORKUP_FLAGS } from './infection-workup.ts';
import { NEURO_FLAGS } from './neuro.ts';
import { NICOTINE_FLAGS } from './nicotine.ts';
import { IMAGING_FLAGS } from './imaging.ts';
import { INFECTION_FLAGS } from './infection.ts';
import { PSYCHOSOCIAL_FLAGS } from './psychosocial.ts';
import { RISK_FACTOR_FLAGS } from './risk-factors.ts';
import type { DiscussionFlag, FlagRule } from './types.ts';
import { SEVERITY_RANK } from './types.ts';

/** Every rule, in display order; shown as "what is checked" and listed in docs/clinical-rules.md. */
export const FLAG_RULES: readonly FlagRule[] = [
  ...NEURO_FLAGS,
  ...INFECTION_WORKUP_FLAGS,
  ...RISK_FACTOR_FLAGS,
  ...NICOTINE_FLAGS,
  ...INFECTION_FLAGS,
  ...PSYCHOSOCIAL_FLAGS,
  ...COMORBIDITY_FLAGS,
  ...IMAGING_FLAGS,
  ...ALIGNMENT_FLAGS,
];

export function flagThreshold(rule: FlagRule, config: EvaluationConfig): string {
  return typeof rule.threshold === 'string' ? rule.threshold : rule.threshold(config);
}

export interface FlagOptions {
  /** Today (YYYY-MM-DD): needed for "quit < 1 month ago" and undated blood tests. */
  readonly today?: string;
  readonly config?: EvaluationConfigOverride;
}

/**
 * Discussion prompts from the values and computed fields (use computeDerived with the same
 * options). Most severe first, then in rule order. Prompts only — the team decides.
 */
export function computeFlags(
  values: EvaluationValues,
  derived: DerivedValues,
  options: FlagOptions = {},
): DiscussionFlag[] {
  const config = resolveConfig(options.config);
  const ctx = { r: createReader(values, options.today), derived, config, today: options.today };
  const flags = FLAG_RULES.flatMap((rule): DiscussionFlag[] => {
    const finding = rule.evaluate(ctx);
    if (!finding) return [];
    return [
      {
        id: rule.id,
        label: rule.label,
        detail: finding.detail,
        threshold: flagThreshold(rule, config),
        source: rule.source,
        severity: finding.severity,
        level: finding.severity,
        fieldIds: rule.fieldIds,
      },
    ];
  });
  return flags.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
