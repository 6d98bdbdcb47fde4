import type { FlagRule } from './types.ts';

/**
 * A positive cotinine in someone recorded as a never smoker: undisclosed nicotine (any product,
 * including replacement therapy) or passive exposure — ask again before planning a fusion.
 * Cotinine separates smokers from non-smokers (Benowitz NL et al., Am J Epidemiol 2009).
 */
const cotinineNeverSmoker: FlagRule = {
  id: 'cotinineNeverSmoker',
  label: 'Positive cotinine in a never smoker',
  threshold: 'Cotinine positive while smoking status is "never" and no nicotine product is recorded',
  source: 'Benowitz NL et al., Am J Epidemiol 2009; Glassman SD et al., Spine 2000 (nicotine and non-union)',
  fieldIds: ['health.cotinine', 'health.smoking', 'health.nicotineProducts'],
  evaluate({ r }) {
    if (r.code('health.smoking') !== 'never' || r.code('health.cotinine') !== 'positive') return undefined;
    const products = (r.codes('health.nicotineProducts') ?? []).filter((c) => c !== 'none');
    const date = r.date('health.cotinineDate');
    const on = date ? ` (${date})` : '';
    return products.length
      ? undefined
      : {
          severity: 'warning',
          detail: `Never smoker, cotinine positive${on}: ask about vaping, snus, nicotine replacement`,
        };
  },
};

export const NICOTINE_FLAGS: readonly FlagRule[] = [cotinineNeverSmoker];
