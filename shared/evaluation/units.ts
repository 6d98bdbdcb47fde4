import type { NumberField, SingleChoiceField } from './types.ts';
import type { EvaluationValues } from './values.ts';

/**
 * Labs reported in more than one unit. The value is stored as entered with the unit chosen beside
 * it; calculators and flags read the canonical value (the first unit), so 2.5 mg/dL of CRP is
 * never mistaken for 2.5 mg/L. canonical = entered × factor + offset.
 */
export interface UnitOption {
  readonly code: string;
  /** UCUM code for exports (FHIR valueQuantity.code, questionnaire-unitOption). */
  readonly ucum: string;
  readonly factor: number;
  readonly offset?: number;
}

export interface UnitSpec {
  /** Id of the single-choice field that stores the unit the value was entered in. */
  readonly unitField: string;
  /** options[0] is the canonical unit (factor 1). */
  readonly options: readonly UnitOption[];
}

const unit = (code: string, ucum: string, factor = 1, offset = 0): UnitOption => ({
  code,
  ucum,
  factor,
  ...(offset ? { offset } : {}),
});

/**
 * Conversion factors: CRP, albumin, haemoglobin ×10 between per-dL and per-L; 25-OH vitamin D
 * 1 ng/mL = 2.496 nmol/L (molar mass 400.6 g/mol); creatinine 1 mg/dL = 88.42 µmol/L; glucose
 * 1 mmol/L = 18.016 mg/dL; calcium 1 mmol/L = 4.008 mg/dL; PTH 1 pmol/L = 9.43 pg/mL; HbA1c NGSP % = 0.09148 × IFCC mmol/mol + 2.152 (Hoelzel W et al.,
 * Clin Chem 2004); 1 in = 2.54 cm; 1 lb = 0.45359237 kg.
 */
export const UNIT_SPECS = {
  'labs.crp': { unitField: 'labs.crpUnit', options: [unit('mg/L', 'mg/L'), unit('mg/dL', 'mg/dL', 10)] },
  'labs.crpPrevious': {
    unitField: 'labs.crpPreviousUnit',
    options: [unit('mg/L', 'mg/L'), unit('mg/dL', 'mg/dL', 10)],
  },
  'labs.calcium': {
    unitField: 'labs.calciumUnit',
    options: [unit('mg/dL', 'mg/dL'), unit('mmol/L', 'mmol/L', 4.008)],
  },
  'labs.pth': {
    unitField: 'labs.pthUnit',
    options: [unit('pg/mL', 'pg/mL'), unit('pmol/L', 'pmol/L', 9.43)],
  },
  'labs.vitaminD': {
    unitField: 'labs.vitaminDUnit',
    options: [unit('ng/mL', 'ng/mL'), unit('nmol/L', 'nmol/L', 1 / 2.496)],
  },
  'labs.albumin': { unitField: 'labs.albuminUnit', options: [unit('g/dL', 'g/dL'), unit('g/L', 'g/L', 0.1)] },
  'labs.hb': { unitField: 'labs.hbUnit', options: [unit('g/dL', 'g/dL'), unit('g/L', 'g/L', 0.1)] },
  'labs.creatinine': {
    unitField: 'labs.creatinineUnit',
    options: [unit('mg/dL', 'mg/dL'), unit('µmol/L', 'umol/L', 1 / 88.42)],
  },
  'labs.glucose': {
    unitField: 'labs.glucoseUnit',
    options: [unit('mg/dL', 'mg/dL'), unit('mmol/L', 'mmol/L', 18.016)],
  },
  'health.hba1c': {
    unitField: 'health.hba1cUnit',
    options: [unit('%', '%'), unit('mmol/mol', 'mmol/mol', 0.09148, 2.152)],
  },
  'health.heightCm': {
    unitField: 'health.heightUnit',
    options: [unit('cm', 'cm'), unit('in', '[in_i]', 2.54)],
  },
  'health.weightKg': {
    unitField: 'health.weightUnit',
    options: [unit('kg', 'kg'), unit('lb', '[lb_av]', 0.45359237)],
  },
} as const satisfies Readonly<Record<string, UnitSpec>>;

export function unitSpecOf(fieldId: string): UnitSpec | undefined {
  return (UNIT_SPECS as Readonly<Record<string, UnitSpec>>)[fieldId];
}

export function toCanonical(option: UnitOption, value: number): number {
  return value * option.factor + (option.offset ?? 0);
}

export function fromCanonical(option: UnitOption, value: number): number {
  return (value - (option.offset ?? 0)) / option.factor;
}

/** The unit option the value was entered in: the stored choice, else the canonical unit. */
export function selectedUnit(spec: UnitSpec, values: EvaluationValues): UnitOption | undefined {
  const code = values[spec.unitField];
  if (code === undefined || code === null || code === '') return spec.options[0];
  return spec.options.find((o) => o.code === code);
}

const roundOut = (v: number, up: boolean) => (up ? Math.ceil(v * 10) / 10 : Math.floor(v * 10) / 10);

/** The field as seen in another unit: label unit and plausible range converted, for validation. */
export function fieldInUnit(field: NumberField, option: UnitOption): NumberField {
  if (option.factor === 1 && !option.offset) return field;
  const a = fromCanonical(option, field.min);
  const b = fromCanonical(option, field.max);
  return {
    ...field,
    unit: option.code,
    min: roundOut(Math.min(a, b), false),
    max: roundOut(Math.max(a, b), true),
  };
}

/** The single-choice field that stores a value's unit; drawn inline beside the number. */
export function unitChoiceField(field: NumberField, spec: UnitSpec): SingleChoiceField {
  return {
    id: spec.unitField,
    kind: 'singleChoice',
    label: `${field.label} unit`,
    unitOf: field.id,
    options: spec.options.map((o) => ({ code: o.code, label: o.code })),
    ...(field.visibleWhen ? { visibleWhen: field.visibleWhen } : {}),
  };
}
