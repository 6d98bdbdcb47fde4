import { ALTERNATIVES_SECTION } from './sections/alternatives.ts';
import { DECISION_SECTION } from './sections/decision.ts';
import { EXPECTATIONS_SECTION } from './sections/expectations.ts';
import { HEALTH_SECTION } from './sections/health.ts';
import { HISTORY_SECTION } from './sections/history.ts';
import { IMAGING_SECTION } from './sections/imaging.ts';
import { LABS_SECTION } from './sections/labs.ts';
import { PATIENT_REPORTED_SECTION } from './sections/patient-reported.ts';
import { PHYSICAL_EXAM_SECTION } from './sections/physical-exam.ts';
import { SECOND_OPINION_SECTION } from './sections/second-opinion.ts';
import type { EvaluationSchema, FieldDefinition, SectionDefinition } from './types.ts';

/** Version of the stored document shape; bump with a migration in migrate.ts. */
export const SCHEMA_VERSION = 3;

export const EVALUATION_SCHEMA: EvaluationSchema = {
  version: SCHEMA_VERSION,
  sections: [
    HISTORY_SECTION,
    PATIENT_REPORTED_SECTION,
    PHYSICAL_EXAM_SECTION,
    IMAGING_SECTION,
    HEALTH_SECTION,
    LABS_SECTION,
    EXPECTATIONS_SECTION,
    ALTERNATIVES_SECTION,
    SECOND_OPINION_SECTION,
    DECISION_SECTION,
  ],
};

export const ALL_FIELDS: readonly FieldDefinition[] = EVALUATION_SCHEMA.sections.flatMap((s) => s.fields);

const FIELD_INDEX = new Map<string, FieldDefinition>(ALL_FIELDS.map((f) => [f.id, f]));
const SECTION_OF = new Map<string, SectionDefinition>(
  EVALUATION_SCHEMA.sections.flatMap((s) => s.fields.map((f) => [f.id, s] as const)),
);

export function findField(id: string): FieldDefinition | undefined {
  return FIELD_INDEX.get(id);
}

/** For ids the code itself names: an unknown id is a programming error, caught by the tests. */
export function fieldById(id: string): FieldDefinition {
  const field = FIELD_INDEX.get(id);
  if (!field) throw new Error(`Unknown evaluation field id: ${id}`);
  return field;
}

export function sectionOfField(id: string): SectionDefinition | undefined {
  return SECTION_OF.get(id);
}

export function sectionById(id: string): SectionDefinition | undefined {
  return EVALUATION_SCHEMA.sections.find((s) => s.id === id);
}
