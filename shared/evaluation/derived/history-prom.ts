import { ndiBand, ndiRaw, NDI_BAND_LABELS } from '../calculators/ndi.ts';
import { odiBand, ODI_BAND_LABELS } from '../calculators/odi.ts';
import { scoreQuestionnaire } from '../calculators/questionnaire.ts';
import { timingClass, TIMING_LABELS, TIMING_SUGGESTS } from '../calculators/timing.ts';
import type { TimingClass } from '../calculators/timing.ts';
import { LEVELS_FUSED_FIELD } from '../conditions.ts';
import type { EvaluationConfig } from '../config.ts';
import { formatNumber } from '../format.ts';
import type { ValueReader } from '../reader.ts';
import { NDI_ITEM_IDS, ODI_ITEM_IDS } from '../sections/patient-reported.ts';
import type { Derivation, DerivedValue } from './types.ts';
import { derived, needs, unavailable } from './types.ts';

function questionnaire(r: ValueReader, ids: readonly string[], config: EvaluationConfig) {
  return scoreQuestionnaire(
    ids.map((id) => r.score(id)),
    config.questionnaireMinAnswered,
  );
}

function tooFew(answered: number, total: number, config: EvaluationConfig): DerivedValue {
  return unavailable(
    `${answered} of ${total} items answered; at least ${config.questionnaireMinAnswered} needed`,
  );
}

const odi: Derivation = (r, config) => {
  const s = questionnaire(r, ODI_ITEM_IDS, config);
  if (!s.ok) return tooFew(s.answered, ODI_ITEM_IDS.length, config);
  const of = s.answered === ODI_ITEM_IDS.length ? '' : ` (${s.answered} of ${ODI_ITEM_IDS.length} sections)`;
  return derived(s.percent, `${formatNumber(s.percent, 1)} %${of}`);
};

const ndi = (r: ValueReader, config: EvaluationConfig) => {
  const s = questionnaire(r, NDI_ITEM_IDS, config);
  return s.ok ? { score: s, ...ndiRaw(s) } : { answered: s.answered };
};

export const HISTORY_PROM_DERIVATIONS: Readonly<Record<string, Derivation>> = {
  'history.levelCount': (r) => {
    const levels = r.codes(LEVELS_FUSED_FIELD);
    return levels ? derived(levels.length, String(levels.length)) : needs('the levels fused');
  },
  'history.timingClass': (r, config) => {
    const manual = r.code('history.timingManual') as TimingClass | undefined;
    const course = r.code('history.course');
    if (!course) return needs('the course after the index surgery');
    const t = timingClass(
      {
        neverRelieved: course === 'neverRelieved',
        manual,
        surgeryDate: r.date('history.indexSurgeryDate'),
        onsetDate: r.date('history.symptomOnsetDate'),
      },
      config.timing,
    );
    if (!t.ok) return unavailable(t.reason);
    const after = t.days === undefined ? '' : ` (${t.days} days after surgery)`;
    return derived(t.timing, `${TIMING_LABELS[t.timing]}${after}. Suggests: ${TIMING_SUGGESTS[t.timing]}.`);
  },
  'prom.odiPercent': odi,
  'prom.odiBand': (r, config) => {
    const s = questionnaire(r, ODI_ITEM_IDS, config);
    if (!s.ok) return tooFew(s.answered, ODI_ITEM_IDS.length, config);
    const band = odiBand(s.percent);
    return derived(band, ODI_BAND_LABELS[band]);
  },
  'prom.ndiRaw': (r, config) => {
    const n = ndi(r, config);
    if (!('raw' in n)) return tooFew(n.answered, NDI_ITEM_IDS.length, config);
    return derived(
      n.raw,
      `${formatNumber(n.raw, 1)} / 50${n.prorated ? ` (prorated from ${n.score.answered} items; ${Math.round(n.raw)} points for the band)` : ''}`,
    );
  },
  'prom.ndiPercent': (r, config) => {
    const n = ndi(r, config);
    if (!('raw' in n)) return tooFew(n.answered, NDI_ITEM_IDS.length, config);
    return derived(n.score.percent, `${formatNumber(n.score.percent, 1)} %`);
  },
  'prom.ndiBand': (r, config) => {
    const n = ndi(r, config);
    if (!('raw' in n)) return tooFew(n.answered, NDI_ITEM_IDS.length, config);
    const band = ndiBand(n.raw);
    return derived(band, NDI_BAND_LABELS[band]);
  },
};
