import type { FlagRule } from './types.ts';
import { derivedCode } from './types.ts';

const chronicOpioids: FlagRule = {
  id: 'chronicOpioids',
  label: 'Chronic opioid use',
  threshold: '> 90 days of opioids in the past year',
  source: 'DOMAIN.md §4, §8 — worse ODI, less return to work',
  fieldIds: ['health.opioidDays', 'health.opioidMme', 'health.opioidDrug'],
  evaluate({ r, derived }) {
    if (derivedCode(derived, 'health.opioidChronic') !== true) return undefined;
    const days = r.number('health.opioidDays');
    const mme = r.number('health.opioidMme');
    const drug = r.text('health.opioidDrug');
    const parts = [`${days ?? '?'} days in the past year`, mme !== undefined && `${mme} MME/day`, drug];
    return { severity: 'caution', detail: parts.filter((p) => typeof p === 'string' && p !== '').join(', ') };
  },
};

const depression: FlagRule = {
  id: 'depression',
  label: 'Depression',
  threshold: 'Diagnosis of depression',
  source: 'DOMAIN.md §8 — return to work OR ~0.4',
  fieldIds: ['health.depression'],
  evaluate({ r }) {
    const d = r.code('health.depression');
    if (d === 'diagnosed') return { severity: 'caution', detail: 'Depression diagnosed' };
    if (d === 'suspected') return { severity: 'info', detail: 'Depression suspected, not diagnosed' };
    return undefined;
  },
};

const claims: FlagRule = {
  id: 'compensationLitigation',
  label: 'Compensation or litigation',
  threshold: 'Active workers’ compensation claim or litigation',
  source: 'DOMAIN.md §8 — more pain and disability',
  fieldIds: ['health.compensation', 'health.litigation'],
  evaluate({ r }) {
    const active = [
      r.code('health.compensation') === 'active' && 'workers’ compensation claim',
      r.code('health.litigation') === 'active' && 'litigation',
    ].filter((s): s is string => typeof s === 'string');
    return active.length === 0
      ? undefined
      : { severity: 'caution', detail: `Active ${active.join(' and ')}` };
  },
};

export const PSYCHOSOCIAL_FLAGS: readonly FlagRule[] = [chronicOpioids, depression, claims];
