/**
 * Public surface of the evaluation form core (pure: no Node, no DOM).
 *
 * Typical use (renderer and backend alike):
 *   const doc = migrateEvaluation(stored)                      // Result<EvaluationDocument>
 *   const derived = computeDerived(doc.values, { today })      // every computed field
 *   const validation = validateEvaluation(doc.values, { today })
 *   const flags = computeFlags(doc.values, derived, { today })  // discussion prompts
 *   const { ready, missing } = readyForConference(doc.values, { today })
 * Render from EVALUATION_SCHEMA (sections → fields), with isVisible() and levelGridRows().
 * Accept payloads with evaluationDocumentSchema; store { schemaVersion, values } as JSON.
 */
export * from './types.ts';
export * from './values.ts';
export * from './levels.ts';
export * from './config.ts';
export * from './conditions.ts';
export * from './schema.ts';
export * from './level-grid.ts';
export * from './derived.ts';
export * from './validation/validate.ts';
export * from './completeness.ts';
export * from './flags/index.ts';
export type { DiscussionFlag, FlagLevel, FlagSeverity, FlagRule } from './flags/types.ts';
export * from './units.ts';
export { createReader, describeQuantity } from './reader.ts';
export type { Quantity } from './reader.ts';
export * from './document-schema.ts';
export * from './migrate.ts';
export * from './csv.ts';
export * from './format.ts';
export { bmi, bmiClass, BMI_CLASS_LABELS } from './calculators/bmi.ts';
export type { BmiClass } from './calculators/bmi.ts';
export { scoreQuestionnaire } from './calculators/questionnaire.ts';
export { odiBand, ODI_BAND_LABELS } from './calculators/odi.ts';
export { ndiBand, ndiRaw, NDI_BAND_LABELS, NDI_MINIMAL_IMPORTANT_CHANGE } from './calculators/ndi.ts';
export { packYears } from './calculators/smoking.ts';
export { mfi5, frailtyClass } from './calculators/frailty.ts';
export { tScoreClass, zScoreClass, BONE_DENSITY_LABELS } from './calculators/bone.ts';
export { timingClass, TIMING_LABELS, TIMING_SUGGESTS } from './calculators/timing.ts';
export type { TimingClass } from './calculators/timing.ts';
export { piMinusLl, schwabPiLl, schwabPt, schwabSva, isScoliosis } from './calculators/alignment.ts';
export { isChronicOpioidUse, dailyMme, MME_FACTORS } from './calculators/opioids.ts';
export { vitaminDClass } from './calculators/vitamin-d.ts';
