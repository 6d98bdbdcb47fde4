import { resolveConfig } from '../config.ts';
import type { EvaluationConfig, EvaluationConfigOverride } from '../config.ts';
import type { DerivedValues } from '../derived/types.ts';
import { createReader } from '../reader.ts';
import type { EvaluationValues } from '../values.ts';
import { COMORBIDITY_FLAGS } from './comorbidity.ts';
import { IMAGING_FLAGS } from './imaging.ts';
import { INFECTION_FLAGS } from './infection.ts';
import { PSYCHOSOCIAL_FLAGS } from './psychosocial.ts';
import { RISK_FACTOR_FLAGS } from './risk-factors.ts';
import type { DiscussionFlag, FlagRule } from './types.ts';
import { SEVERITY_RANK } from './types.ts';

/** Every rule, one per row of DOMAIN.md §8 (CRP/ESR split in two); shown as "what is checked". */
export const FLAG_RULES: readonly FlagRule[] = [
  ...RISK_FACTOR_FLAGS,
  ...INFECTION_FLAGS,
  ...PSYCHOSOCIAL_FLAGS,
  ...COMORBIDITY_FLAGS,
  ...IMAGING_FLAGS,
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
        fieldIds: rule.fieldIds,
      },
    ];
  });
  return flags.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
