import { isVisible } from './conditions.ts';
import { resolveConfig } from './config.ts';
import type { EvaluationConfigOverride } from './config.ts';
import { HEALTH_LABS_DERIVATIONS } from './derived/health-labs.ts';
import { HISTORY_PROM_DERIVATIONS } from './derived/history-prom.ts';
import { IMAGING_DERIVATIONS } from './derived/imaging.ts';
import type { Derivation, DerivedValue, DerivedValues } from './derived/types.ts';
import { unavailable } from './derived/types.ts';
import { createReader } from './reader.ts';
import { ALL_FIELDS } from './schema.ts';
import type { ComputedField } from './types.ts';
import type { EvaluationValues } from './values.ts';

export type { DerivedValue, DerivedValues } from './derived/types.ts';

/** Calculator per computed field id; the schema test checks the two lists match exactly. */
export const DERIVATIONS: Readonly<Record<string, Derivation>> = {
  ...HISTORY_PROM_DERIVATIONS,
  ...IMAGING_DERIVATIONS,
  ...HEALTH_LABS_DERIVATIONS,
};

export const COMPUTED_FIELDS: readonly ComputedField[] = ALL_FIELDS.filter(
  (f): f is ComputedField => f.kind === 'computed',
);

export interface DeriveOptions {
  readonly config?: EvaluationConfigOverride;
  /** Dates after today are treated as invalid inputs when given. */
  readonly today?: string;
}

const NOT_SHOWN = unavailable('Not shown for this case');

/** Every computed field's value, from visible, valid inputs only. Pure; recompute on every change. */
export function computeDerived(values: EvaluationValues, options: DeriveOptions = {}): DerivedValues {
  const config = resolveConfig(options.config);
  const reader = createReader(values, options.today);
  const out: Record<string, DerivedValue> = {};
  for (const field of COMPUTED_FIELDS) {
    const derive = DERIVATIONS[field.id];
    if (!derive) throw new Error(`No calculator for computed field ${field.id}`);
    out[field.id] = isVisible(field, values) ? derive(reader, config) : NOT_SHOWN;
  }
  return out;
}
