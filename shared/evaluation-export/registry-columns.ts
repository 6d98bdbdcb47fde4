import type { Sex } from '../domain/case.ts';
import { ageInYears } from '../deid/dates.ts';
import { LEVELS_FUSED_FIELD, createReader, sortSegments } from '../evaluation/index.ts';
import type { ValueReader } from '../evaluation/reader.ts';
import { EQ5D_DIMENSIONS, EQ5D_SOURCE, eq5dFieldId } from '../evaluation/options/eq5d-items.ts';
import type { ExportCaseInput, ExportRecord } from './record.ts';

/** One decided evaluation version, as the backend reads it: the version the decision recorded. */
export interface RegistryCaseInput extends ExportCaseInput {
  readonly patientSex: Sex | null;
  /** Used only to compute ages; never exported. */
  readonly patientBirthDate: string | null;
  readonly decisionId: number;
  /** ISO time the decision was recorded. */
  readonly decidedAt: string;
  /** De-identified exports: ages of 90 and over are reported as 90 (HIPAA Safe Harbor). */
  readonly deidentified?: boolean;
}

export type RegistryRecord = ExportRecord & RegistryCaseInput & { readonly reader: ValueReader };

export type RegistryType = 'integer' | 'decimal' | 'code' | 'date' | 'text';

/**
 * One registry column: the CSV writer and the data dictionary are both generated from this list,
 * so the file and its documentation cannot drift apart. Names are lower snake case, NSQIP style;
 * codes are numbers with their meaning listed, never the app's internal option codes.
 */
export interface RegistryColumn {
  readonly name: string;
  readonly description: string;
  readonly type: RegistryType;
  /** Unit (UCUM) of a number; '' when it has none. */
  readonly unit: string;
  /** Allowed codes and their meaning, for coded columns. */
  readonly codes?: readonly (readonly [string, string])[];
  /** The instrument or standard the value comes from, with its citation. */
  readonly source: string;
  readonly value: (r: RegistryRecord) => string;
}

const num = (n: number | undefined, digits?: number): string =>
  n === undefined || !Number.isFinite(n)
    ? ''
    : digits === undefined
      ? String(n)
      : String(Math.round(n * 10 ** digits) / 10 ** digits);

const derivedNumber = (r: RegistryRecord, id: string, digits: number): string => {
  const d = r.derived[id];
  return d?.available && typeof d.value === 'number' ? num(d.value, digits) : '';
};

/** A coded column: registry code ← form option code. */
function coded(
  map: readonly (readonly [string, string, string])[],
): Pick<RegistryColumn, 'codes'> & { lookup: (code: string | undefined) => string } {
  return {
    codes: map.map(([registry, , label]) => [registry, label] as const),
    lookup: (code) => map.find(([, form]) => form === code)?.[0] ?? '',
  };
}

const YES_NO: readonly (readonly [string, string])[] = [
  ['1', 'yes'],
  ['0', 'no'],
];

/** 1/0 for one complication of the index surgery; '' when the question was not answered. */
function complication(r: RegistryRecord, code: string): string {
  const list = r.reader.codes('history.indexComplications');
  if (!list || list.length === 0) return '';
  return list.includes(code) ? '1' : '0';
}

function age(r: RegistryRecord, on: string | undefined): string {
  if (!r.patientBirthDate || !on) return '';
  const years = ageInYears(r.patientBirthDate, on);
  if (years === null || years < 0) return '';
  return String(r.deidentified && years >= 90 ? 90 : years);
}

const decisionDate = (r: RegistryRecord): string | undefined =>
  r.reader.date('decision.date') ?? (r.decidedAt.slice(0, 10) || undefined);

const SEX = coded([
  ['0', 'U', 'not known'],
  ['1', 'M', 'male'],
  ['2', 'F', 'female'],
  ['9', 'O', 'not applicable (other)'],
]);
const EDUCATION = coded([
  ['1', 'primary', 'primary or less (ISCED 0–1)'],
  ['2', 'lowerSecondary', 'lower secondary (ISCED 2)'],
  ['3', 'upperSecondary', 'upper secondary or vocational (ISCED 3–4)'],
  ['4', 'tertiary', 'college or university (ISCED 5–8)'],
]);
const SMOKING = coded([
  ['0', 'never', 'never smoked'],
  ['1', 'former', 'former smoker'],
  ['2', 'current', 'current smoker'],
]);
const ASA = coded(
  ['1', '2', '3', '4', '5', '6'].map((c) => [c, c, `ASA ${'I II III IV V VI'.split(' ')[Number(c) - 1]}`]),
);
const WORK = coded([
  ['1', 'fullTime', 'working full time'],
  ['2', 'modified', 'working reduced hours or modified duties'],
  ['3', 'offWorkSpine', 'not working because of the spine (sick leave or disability)'],
  ['4', 'unemployed', 'unemployed'],
  ['5', 'retired', 'retired'],
  ['6', 'student', 'student'],
  ['7', 'homemaker', 'homemaker or carer'],
]);
const TIME_POINT = coded([
  ['0', 'preop', 'pre-operative baseline'],
  ['3', '3m', '3 months'],
  ['6', '6m', '6 months'],
  ['12', '12m', '12 months'],
  ['24', '24m', '24 months'],
  ['60', '60m', '5 years'],
  ['99', 'other', 'other follow-up'],
]);
const DECISION = coded([
  ['1', 'proceed', 'proceed with revision as proposed'],
  ['2', 'modified', 'proceed with a modified plan'],
  ['3', 'nonOperative', 'non-operative care'],
  ['4', 'investigate', 'further investigation'],
  ['5', 'secondOpinion', 'second opinion'],
  ['6', 'refer', 'no spinal diagnosis / refer'],
  ['7', 'trial', 'trial referral'],
]);

const FORM = 'Spine Case Review evaluation form';
const NRS_SOURCE = 'Numeric rating scale 0–10 (Farrar JT et al., Pain 2001)';
const COMPLICATION_SOURCE = `${FORM}: complications after the index surgery`;

function nrs(name: string, id: string, what: string): RegistryColumn {
  return {
    name,
    description: `${what} pain intensity, 0 = no pain … 10 = worst imaginable`,
    type: 'integer',
    unit: '{score}',
    source: NRS_SOURCE,
    value: (r) => num(r.reader.number(id)),
  };
}

function complicationColumn(name: string, code: string, what: string): RegistryColumn {
  return {
    name,
    description: `Index surgery followed by ${what}`,
    type: 'code',
    unit: '',
    codes: YES_NO,
    source: COMPLICATION_SOURCE,
    value: (r) => complication(r, code),
  };
}

const EQ5D_COLUMN_NAMES: Readonly<Record<string, string>> = {
  Mobility: 'eq5d_mobility',
  SelfCare: 'eq5d_selfcare',
  UsualActivities: 'eq5d_usual_activities',
  PainDiscomfort: 'eq5d_pain_discomfort',
  AnxietyDepression: 'eq5d_anxiety_depression',
};

const LEVEL_CODES: readonly (readonly [string, string])[] = [
  ['1', 'no problems'],
  ['2', 'slight problems'],
  ['3', 'moderate problems'],
  ['4', 'severe problems'],
  ['5', 'unable / extreme problems'],
];

/** The registry file's columns, in order. */
export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  {
    name: 'record_id',
    description: 'One row per decided evaluation version: case id and evaluation version',
    type: 'text',
    unit: '',
    source: FORM,
    value: (r) => `${r.caseId}-${r.version}`,
  },
  {
    name: 'case_id',
    description: 'Case number in this app',
    type: 'integer',
    unit: '',
    source: FORM,
    value: (r) => String(r.caseId),
  },
  {
    name: 'patient_id',
    description: 'Medical record number (a per-export pseudonym when de-identified)',
    type: 'text',
    unit: '',
    source: FORM,
    value: (r) => r.mrn ?? '',
  },
  {
    name: 'evaluation_version',
    description: 'Version of the evaluation the decision was recorded on',
    type: 'integer',
    unit: '',
    source: FORM,
    value: (r) => String(r.version),
  },
  {
    name: 'decision_id',
    description: 'Decision record number (a case decided again after reopening has a new one)',
    type: 'integer',
    unit: '',
    source: FORM,
    value: (r) => String(r.decisionId),
  },
  {
    name: 'sex',
    description: 'Sex of the patient',
    type: 'code',
    unit: '',
    codes: SEX.codes,
    source: 'ISO/IEC 5218:2004, Codes for the representation of human sexes',
    value: (r) => (r.patientSex ? SEX.lookup(r.patientSex) : ''),
  },
  {
    name: 'age_at_index_surgery',
    description: 'Age in completed years on the date of the index surgery (birth date is not exported)',
    type: 'integer',
    unit: 'a',
    source: `${FORM}: birth date and date of index surgery; 90 = 90 or older when de-identified`,
    value: (r) => age(r, r.reader.date('history.indexSurgeryDate')),
  },
  {
    name: 'age_at_evaluation',
    description: 'Age in completed years on the date of the decision',
    type: 'integer',
    unit: 'a',
    source: `${FORM}: birth date and date of the decision; 90 = 90 or older when de-identified`,
    value: (r) => age(r, decisionDate(r)),
  },
  {
    name: 'education',
    description: 'Highest completed level of education',
    type: 'code',
    unit: '',
    codes: EDUCATION.codes,
    source:
      'UNESCO Institute for Statistics, International Standard Classification of Education (ISCED 2011)',
    value: (r) => EDUCATION.lookup(r.reader.code('history.education')),
  },
  {
    name: 'work_status',
    description: 'Current work status',
    type: 'code',
    unit: '',
    codes: WORK.codes,
    source: `${FORM}: current work status`,
    value: (r) => WORK.lookup(r.reader.code('history.workStatus')),
  },
  {
    name: 'bmi',
    description: 'Body mass index, weight / height², one decimal',
    type: 'decimal',
    unit: 'kg/m2',
    source: 'WHO, Obesity: preventing and managing the global epidemic, Technical Report Series 894, 2000',
    value: (r) => derivedNumber(r, 'health.bmi', 1),
  },
  {
    name: 'asa_class',
    description: 'ASA physical status class',
    type: 'code',
    unit: '',
    codes: ASA.codes,
    source:
      'American Society of Anesthesiologists, ASA Physical Status Classification System (2014, amended 2020)',
    value: (r) => ASA.lookup(r.reader.code('health.asa')),
  },
  {
    name: 'smoking',
    description: 'Tobacco smoking status',
    type: 'code',
    unit: '',
    codes: SMOKING.codes,
    source: `${FORM}: smoking never / former / current`,
    value: (r) => SMOKING.lookup(r.reader.code('health.smoking')),
  },
  {
    name: 'pack_years',
    description: 'Pack-years of smoking, (cigarettes per day / 20) × years smoked',
    type: 'decimal',
    unit: '{pack-years}',
    source: 'Pack-year definition (20 cigarettes per pack)',
    value: (r) => derivedNumber(r, 'health.packYears', 1),
  },
  {
    name: 'index_surgery_date',
    description: 'Date of the index fusion',
    type: 'date',
    unit: '',
    source: FORM,
    value: (r) => r.reader.date('history.indexSurgeryDate') ?? '',
  },
  {
    name: 'levels_fused',
    description: 'Fused motion segments, cranial to caudal, separated by |',
    type: 'text',
    unit: '',
    source: FORM,
    value: (r) => sortSegments([...(r.reader.codes(LEVELS_FUSED_FIELD) ?? [])]).join('|'),
  },
  {
    name: 'levels_fused_count',
    description: 'Number of fused motion segments',
    type: 'integer',
    unit: '',
    source: FORM,
    value: (r) => num(r.reader.codes(LEVELS_FUSED_FIELD)?.length),
  },
  {
    name: 'prior_spine_operations',
    description: 'Spine operations before this evaluation, the index fusion included',
    type: 'integer',
    unit: '',
    source: FORM,
    value: (r) => num(r.reader.number('history.previousOperations')),
  },
  {
    name: 'complication_any',
    description: 'Any complication after the index surgery',
    type: 'code',
    unit: '',
    codes: YES_NO,
    source: COMPLICATION_SOURCE,
    value: (r) => {
      const list = r.reader.codes('history.indexComplications');
      if (!list || list.length === 0) return '';
      return list.some((c) => c !== 'none') ? '1' : '0';
    },
  },
  complicationColumn('complication_wound', 'woundProblem', 'a wound problem (drainage, dehiscence)'),
  complicationColumn(
    'complication_ssi_antibiotics',
    'antibiotics',
    'antibiotics for a wound or deep infection',
  ),
  complicationColumn('complication_dural_tear', 'duralTear', 'a dural tear'),
  complicationColumn('complication_neuro', 'neuroDeficit', 'a new neurological deficit'),
  complicationColumn('complication_medical', 'medical', 'a medical complication (VTE, pneumonia, cardiac)'),
  complicationColumn('reoperation', 'returnToTheatre', 'an unplanned return to theatre'),
  {
    name: 'prom_date',
    description: 'Date the patient-reported questionnaires were completed',
    type: 'date',
    unit: '',
    source: FORM,
    value: (r) => r.reader.date('prom.date') ?? '',
  },
  {
    name: 'prom_timepoint',
    description:
      'Time point of the questionnaires: months after the last spine operation, 0 = before surgery',
    type: 'code',
    unit: '',
    codes: TIME_POINT.codes,
    source: `${FORM}: PROM time point`,
    value: (r) => TIME_POINT.lookup(r.reader.code('prom.timePoint')),
  },
  nrs('nrs_back', 'prom.nrsBack', 'Back'),
  nrs('nrs_leg', 'prom.nrsLeg', 'Leg'),
  nrs('nrs_neck', 'prom.nrsNeck', 'Neck'),
  nrs('nrs_arm', 'prom.nrsArm', 'Arm'),
  {
    name: 'odi',
    description: 'Oswestry Disability Index, 0–100 % (thoracolumbar constructs)',
    type: 'decimal',
    unit: '%',
    source: 'ODI v2.1a (Fairbank JC, Pynsent PB, Spine 2000)',
    value: (r) => derivedNumber(r, 'prom.odiPercent', 1),
  },
  {
    name: 'ndi',
    description: 'Neck Disability Index, 0–100 % (cervical constructs)',
    type: 'decimal',
    unit: '%',
    source: 'NDI (Vernon H, Mior S, J Manipulative Physiol Ther 1991)',
    value: (r) => derivedNumber(r, 'prom.ndiPercent', 1),
  },
  ...EQ5D_DIMENSIONS.map((d): RegistryColumn => ({
    name: EQ5D_COLUMN_NAMES[d.key] ?? d.key,
    description: `EQ-5D-5L ${d.title.toLowerCase()} level`,
    type: 'code',
    unit: '',
    codes: LEVEL_CODES,
    source: EQ5D_SOURCE,
    value: (r) => num(r.reader.score(eq5dFieldId(d))),
  })),
  {
    name: 'eq5d_vas',
    description: 'EQ-VAS: own health today, 0 = worst … 100 = best imaginable',
    type: 'integer',
    unit: '{score}',
    source: EQ5D_SOURCE,
    value: (r) => num(r.reader.number('prom.eq5dVas')),
  },
  {
    name: 'eq5d_index',
    description: 'EQ-5D index value as entered (national value set), 1 = full health',
    type: 'decimal',
    unit: '{score}',
    source: `${EQ5D_SOURCE}; index from the national value set`,
    value: (r) => num(r.reader.number('prom.eq5dIndex')),
  },
  {
    name: 'comi',
    description: 'Core Outcome Measures Index, 0 = best … 10 = worst',
    type: 'decimal',
    unit: '{score}',
    source: 'COMI (Mannion AF et al., Eur Spine J 2005; Mannion AF et al., Eur Spine J 2009)',
    value: (r) => num(r.reader.number('prom.comi')),
  },
  {
    name: 'mjoa',
    description: 'Modified Japanese Orthopaedic Association score, 0–18 (cervical myelopathy)',
    type: 'integer',
    unit: '{score}',
    source: 'mJOA (Benzel EC et al., J Spinal Disord 1991)',
    value: (r) => num(r.reader.number('prom.mjoa')),
  },
  {
    name: 'decision_date',
    description: 'Date of the team decision',
    type: 'date',
    unit: '',
    source: FORM,
    value: (r) => decisionDate(r) ?? '',
  },
  {
    name: 'decision',
    description: 'Recommendation of the multidisciplinary team',
    type: 'code',
    unit: '',
    codes: DECISION.codes,
    source: `${FORM}: team decision`,
    value: (r) => DECISION.lookup(r.reader.code('decision.recommendation')),
  },
  {
    name: 'decision_surgery',
    description: 'The decision plans surgery (proceed as proposed or with a modified plan)',
    type: 'code',
    unit: '',
    codes: YES_NO,
    source: `${FORM}: team decision`,
    value: (r) => {
      const d = r.reader.code('decision.recommendation');
      return d === undefined ? '' : d === 'proceed' || d === 'modified' ? '1' : '0';
    },
  },
];

export function registryRecord(record: ExportRecord, input: RegistryCaseInput): RegistryRecord {
  return { ...record, ...input, reader: createReader(input.document.values) };
}
