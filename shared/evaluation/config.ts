/**
 * Thresholds without a confirmed primary source, marked "(check)". They have no confirmed primary source, so
 * they are configurable and the UI must say so (see CONFIGURABLE_NOTES). Sourced thresholds live as
 * constants next to their calculators or flags instead.
 */
export interface EvaluationConfig {
  /** Timing class (Guyer RD et al., J Am Acad Orthop Surg 2006; cut-offs are convention (check)). */
  readonly timing: {
    /** "Early (weeks)": onset up to this many days after surgery. */
    readonly earlyMaxDays: number;
    /** "Late, after a pain-free interval > ~12 months": onset more than this many days after. */
    readonly lateMinDays: number;
  };
  /** ODI/NDI are scored over answered items; fewer than this many answered gives no score (check). */
  readonly questionnaireMinAnswered: number;
  /** CRP within this many days of surgery is expected to be raised (Mok JM et al., Spine 2008) (check). */
  readonly crpEarlyWindowDays: number;
  /** ESR stays raised for weeks after surgery (Thelander U, Larsson S, Spine 1992). */
  readonly esrEarlyWindowDays: number;
  /** ESR upper limit; age and sex dependent, no single source (check). */
  readonly esrRaisedMmPerHour: number;
  /** Low CT HU: 110 HU at L1 was highly specific for osteoporosis (Pickhardt PJ et al., Ann Intern Med 2013) (check). */
  readonly lowCtHu: number;
  /** Charlson cut-off 2–3 varies between studies: the lower bound is used by default (check). */
  readonly charlsonAtLeast: number;
  /** PI = PT + SS (Legaye J et al., Eur Spine J 1998); larger disagreement suggests a transcription error (check). */
  readonly pelvicSumToleranceDeg: number;
}

export const DEFAULT_EVALUATION_CONFIG: EvaluationConfig = {
  timing: { earlyMaxDays: 90, lateMinDays: 365 },
  questionnaireMinAnswered: 8,
  // CRP peaks on day 2–3 and is back towards normal by about 2 weeks (Mok JM et al., Spine 2008).
  crpEarlyWindowDays: 14,
  esrEarlyWindowDays: 42,
  esrRaisedMmPerHour: 30,
  lowCtHu: 110,
  charlsonAtLeast: 2,
  pelvicSumToleranceDeg: 3,
};

/** What the UI shows beside a configurable threshold. */
export const CONFIGURABLE_NOTE =
  'Configurable threshold without a confirmed primary source (check) — confirm locally.';

/** Merge a partial override onto the defaults (nested timing merged too). */
export function resolveConfig(override?: EvaluationConfigOverride): EvaluationConfig {
  if (!override) return DEFAULT_EVALUATION_CONFIG;
  return {
    ...DEFAULT_EVALUATION_CONFIG,
    ...override,
    timing: { ...DEFAULT_EVALUATION_CONFIG.timing, ...override.timing },
  };
}

export type EvaluationConfigOverride = Partial<Omit<EvaluationConfig, 'timing'>> & {
  readonly timing?: Partial<EvaluationConfig['timing']>;
};

export interface ConfigurableThreshold {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  readonly note: string;
}

/** Every configurable threshold with its current value, for a settings panel or a footnote. */
export function describeConfig(
  config: EvaluationConfig = DEFAULT_EVALUATION_CONFIG,
): ConfigurableThreshold[] {
  const row = (key: string, label: string, value: number, unit: string): ConfigurableThreshold => ({
    key,
    label,
    value,
    unit,
    note: CONFIGURABLE_NOTE,
  });
  return [
    row('timing.earlyMaxDays', 'Early timing: onset up to', config.timing.earlyMaxDays, 'days'),
    row('timing.lateMinDays', 'Late timing: onset after more than', config.timing.lateMinDays, 'days'),
    row('questionnaireMinAnswered', 'ODI/NDI scored with at least', config.questionnaireMinAnswered, 'items'),
    row('crpEarlyWindowDays', 'CRP expected to be raised for', config.crpEarlyWindowDays, 'days'),
    row('esrEarlyWindowDays', 'ESR expected to be raised for', config.esrEarlyWindowDays, 'days'),
    row('esrRaisedMmPerHour', 'ESR raised from', config.esrRaisedMmPerHour, 'mm/h'),
    row('lowCtHu', 'Low bone density: mean CT L1–L4 below', config.lowCtHu, 'HU'),
    row('charlsonAtLeast', 'Comorbidity flag: Charlson from', config.charlsonAtLeast, ''),
    row('pelvicSumToleranceDeg', 'PI = PT + SS tolerance', config.pelvicSumToleranceDeg, '°'),
  ];
}
