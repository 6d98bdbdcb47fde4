import {
  isScoliosis,
  piMinusLl,
  SCHWAB_LABELS,
  schwabPiLl,
  schwabPt,
  schwabSva,
} from '../calculators/alignment.ts';
import { formatNumber } from '../format.ts';
import type { ValueReader } from '../reader.ts';
import type { Derivation } from './types.ts';
import { derived, needs } from './types.ts';

function mismatch(r: ValueReader): number | undefined {
  const pi = r.number('imaging.pi');
  const ll = r.number('imaging.ll');
  return pi === undefined || ll === undefined ? undefined : piMinusLl(pi, ll);
}

export const IMAGING_DERIVATIONS: Readonly<Record<string, Derivation>> = {
  'imaging.piMinusLl': (r) => {
    const m = mismatch(r);
    return m === undefined ? needs('PI and LL') : derived(m, `${formatNumber(m, 1)}°`);
  },
  'imaging.schwabPiLl': (r) => {
    const m = mismatch(r);
    if (m === undefined) return needs('PI and LL');
    const g = schwabPiLl(m);
    return derived(g, SCHWAB_LABELS[g]);
  },
  'imaging.schwabPt': (r) => {
    const pt = r.number('imaging.pt');
    if (pt === undefined) return needs('PT');
    const g = schwabPt(pt);
    return derived(g, SCHWAB_LABELS[g]);
  },
  'imaging.schwabSva': (r) => {
    const sva = r.number('imaging.svaMm');
    if (sva === undefined) return needs('SVA');
    const g = schwabSva(sva);
    return derived(g, SCHWAB_LABELS[g]);
  },
  'imaging.scoliosis': (r) => {
    const cobb = r.number('imaging.coronalCobb');
    if (cobb === undefined) return needs('the coronal Cobb angle');
    const s = isScoliosis(cobb);
    return derived(s, s ? 'Scoliosis (Cobb ≥ 10°)' : 'No scoliosis (Cobb < 10°)');
  },
};
