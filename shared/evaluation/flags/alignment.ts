import { SCHWAB_PI_LL_DEG, SCHWAB_PT_DEG, SCHWAB_SVA_MM } from '../calculators/alignment.ts';
import { formatNumber } from '../format.ts';
import type { FlagRule } from './types.ts';
import { derivedNumber } from './types.ts';

/**
 * A Schwab "++" modifier on any of PI–LL, SVA or PT: marked sagittal malalignment, which a revision
 * that only re-fuses in situ leaves uncorrected (Schwab F et al., Spine 2012).
 */
const sagittalRealignment: FlagRule = {
  id: 'sagittalRealignment',
  label: 'Sagittal realignment to plan',
  threshold: `PI–LL > ${SCHWAB_PI_LL_DEG[1]}°, SVA > ${SCHWAB_SVA_MM[1]} mm or PT > ${SCHWAB_PT_DEG[1]}° (SRS–Schwab ++): consider realignment (e.g. osteotomy) in the plan`,
  source: 'Schwab F et al., Spine 2012 (SRS–Schwab adult spinal deformity classification)',
  fieldIds: ['imaging.pi', 'imaging.ll', 'imaging.svaMm', 'imaging.pt'],
  evaluate({ r, derived }) {
    const mismatch = derivedNumber(derived, 'imaging.piMinusLl');
    const sva = r.number('imaging.svaMm');
    const pt = r.number('imaging.pt');
    const found = [
      mismatch !== undefined && mismatch > SCHWAB_PI_LL_DEG[1] && `PI–LL ${formatNumber(mismatch, 1)}°`,
      sva !== undefined && sva > SCHWAB_SVA_MM[1] && `SVA ${formatNumber(sva, 0)} mm`,
      pt !== undefined && pt > SCHWAB_PT_DEG[1] && `PT ${formatNumber(pt, 1)}°`,
    ].filter((f): f is string => typeof f === 'string');
    return found.length ? { severity: 'warning', detail: found.join('; ') } : undefined;
  },
};

export const ALIGNMENT_FLAGS: readonly FlagRule[] = [sagittalRealignment];
