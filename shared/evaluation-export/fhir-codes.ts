import { LEVELS_FUSED_FIELD, SEGMENTS, segmentRegion } from '../evaluation/index.ts';
import type { Condition, SpineRegion } from '../evaluation/index.ts';
import { unitSpecOf } from '../evaluation/units.ts';
import type { Coding, EnableWhen } from './fhir-types.ts';

export const FHIR_BASE = 'urn:spine-case-review';
export const QUESTIONNAIRE_URL = `${FHIR_BASE}:questionnaire:spine-revision-evaluation`;
export const CASE_IDENTIFIER_SYSTEM = `${FHIR_BASE}:case`;
export const MRN_IDENTIFIER_SYSTEM = `${FHIR_BASE}:mrn`;
export const UCUM = 'http://unitsofmeasure.org';
/** R4 allows questionnaire-unit only on decimal/integer items; quantity items list unitOption(s). */
export const EXT_UNIT_OPTION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption';
export const LOINC = 'http://loinc.org';
export const EXT_OPTION_EXCLUSIVE = 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive';
export const EXT_ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const EXT_HIDDEN = 'http://hl7.org/fhir/StructureDefinition/questionnaire-hidden';

/** The code system of one field's options: its stable field id. */
export const codeSystem = (fieldId: string): string => `${FHIR_BASE}:codes:${fieldId}`;

export const coding = (fieldId: string, code: string, display?: string): Coding =>
  display === undefined
    ? { system: codeSystem(fieldId), code }
    : { system: codeSystem(fieldId), code, display };

/** UCUM codes for every display unit of the form (the schema test checks none is missing). */
export const UCUM_CODES: Readonly<Record<string, string>> = {
  '': '1',
  '%': '%',
  points: '{score}',
  'MME/day': '{MME}/d',
  '/day': '/d',
  samples: '{samples}',
  'g/L': 'g/L',
  'nmol/L': 'nmol/L',
  'µmol/L': 'umol/L',
  'mmol/L': 'mmol/L',
  'mmol/mol': 'mmol/mol',
  'pg/mL': 'pg/mL',
  'pmol/L': 'pmol/L',
  in: '[in_i]',
  lb: '[lb_av]',
  '°': 'deg',
  kg: 'kg',
  cm: 'cm',
  mm: 'mm',
  mg: 'mg',
  'kg/m²': 'kg/m2',
  'mg/L': 'mg/L',
  'g/dL': 'g/dL',
  'mg/dL': 'mg/dL',
  'ng/mL': 'ng/mL',
  'mm/h': 'mm/h',
  '×10⁹/L': '10*9/L',
  HU: "[hnsf'U]",
  days: 'd',
  weeks: 'wk',
  years: 'a',
};

export function unitCoding(unit: string): Coding {
  const code = UCUM_CODES[unit];
  return code === undefined ? { code: unit, display: unit } : { system: UCUM, code, display: unit };
}

export function quantity(value: number, unit: string) {
  const code = UCUM_CODES[unit];
  return code === undefined ? { value, unit } : { value, unit, system: UCUM, code };
}

/** The units a quantity item accepts: every unit choice of the field, else its one unit. */
export function unitOptionCodings(fieldId: string, unit: string): Coding[] {
  const spec = unitSpecOf(fieldId);
  if (!spec) return [unitCoding(unit)];
  return spec.options.map((o) => ({ system: UCUM, code: o.ucum, display: o.code }));
}

/**
 * LOINC codes of the observations the form records (loinc.org). Items without an established
 * LOINC code (the NDI score among them) carry none rather than a guessed one.
 */
const LOINC_CODES: Readonly<Record<string, readonly [string, string]>> = {
  'health.bmi': ['39156-5', 'Body mass index (BMI) [Ratio]'],
  'health.heightCm': ['8302-2', 'Body height'],
  'health.weightKg': ['29463-7', 'Body weight'],
  'health.hba1c': ['4548-4', 'Hemoglobin A1c/Hemoglobin.total in Blood'],
  'prom.odiPercent': ['97909-6', 'Oswestry disability index score ODI'],
  'health.phq9': ['44261-6', 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]'],
  'labs.crp': ['1988-5', 'C reactive protein [Mass/volume] in Serum or Plasma'],
  'labs.esr': ['30341-2', 'Erythrocyte sedimentation rate'],
  'labs.vitaminD': ['62292-8', '25-Hydroxyvitamin D2+25-Hydroxyvitamin D3 [Mass/volume] in Serum or Plasma'],
  'labs.albumin': ['1751-7', 'Albumin [Mass/volume] in Serum or Plasma'],
  'labs.hb': ['718-7', 'Hemoglobin [Mass/volume] in Blood'],
  'labs.wbc': ['6690-2', 'Leukocytes [#/volume] in Blood by Automated count'],
  'labs.platelets': ['777-3', 'Platelets [#/volume] in Blood by Automated count'],
  'labs.creatinine': ['2160-0', 'Creatinine [Mass/volume] in Serum or Plasma'],
  'labs.glucose': ['2345-7', 'Glucose [Mass/volume] in Serum or Plasma'],
};

export function loincCoding(fieldId: string): Coding[] | undefined {
  const entry = LOINC_CODES[fieldId];
  return entry ? [{ system: LOINC, code: entry[0], display: entry[1] }] : undefined;
}

interface Translated {
  readonly clauses: EnableWhen[];
  readonly behavior: 'all' | 'any';
}

/** Answer of a condition value: a coding for choice fields, a boolean for yes/no fields. */
function equalsClause(field: string, value: string | boolean, operator: '=' | '!=' = '='): EnableWhen {
  return typeof value === 'boolean'
    ? { question: field, operator, answerBoolean: value }
    : { question: field, operator, answerCoding: coding(field, value) };
}

function regionClauses(region: SpineRegion): EnableWhen[] {
  // Until the levels fused are entered every region-specific item shows (conditions.ts).
  return [
    { question: LEVELS_FUSED_FIELD, operator: 'exists', answerBoolean: false },
    ...SEGMENTS.filter((s) => segmentRegion(s) === region).map((s) => equalsClause(LEVELS_FUSED_FIELD, s)),
  ];
}

const one = (clause: EnableWhen): Translated => ({ clauses: [clause], behavior: 'all' });

/**
 * FHIR enableWhen for a visibility condition, or null where R4's flat all/any list cannot say it
 * (the item then stays enabled and the form's own rule applies).
 */
export function enableWhenOf(condition: Condition): Translated | null {
  if ('field' in condition) {
    if ('equals' in condition) return one(equalsClause(condition.field, condition.equals));
    if ('answered' in condition)
      return one({ question: condition.field, operator: 'exists', answerBoolean: condition.answered });
    const codes = 'oneOf' in condition ? condition.oneOf : condition.includesAny;
    return { clauses: codes.map((c) => equalsClause(condition.field, c)), behavior: 'any' };
  }
  if ('region' in condition) return { clauses: regionClauses(condition.region), behavior: 'any' };
  if ('not' in condition) {
    const inner = enableWhenOf(condition.not);
    const clause = inner?.clauses.length === 1 ? inner.clauses[0] : undefined;
    if (!clause) return null;
    if (clause.operator === 'exists') return one({ ...clause, answerBoolean: !clause.answerBoolean });
    return one({ ...clause, operator: clause.operator === '=' ? '!=' : '=' });
  }
  const behavior = 'all' in condition ? 'all' : 'any';
  const parts = ('all' in condition ? condition.all : condition.any).map(enableWhenOf);
  if (parts.some((p) => p === null || (p.clauses.length > 1 && p.behavior !== behavior))) return null;
  return { clauses: parts.flatMap((p) => p?.clauses ?? []), behavior };
}
