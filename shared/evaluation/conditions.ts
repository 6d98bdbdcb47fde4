import { isSegmentId, segmentRegion } from './levels.ts';
import type { Condition, FieldDefinition, Requirement, SpineRegion } from './types.ts';
import { isBlank } from './values.ts';
import type { EvaluationValues } from './values.ts';

/** The field whose segments define the construct, the region and the imaging-grid rows. */
export const LEVELS_FUSED_FIELD = 'history.levelsFused';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Regions of the fused construct. Until levels are entered the region is unknown and every
 * region-specific field stays visible, so nothing is hidden on a guess.
 */
export function constructRegions(values: EvaluationValues): ReadonlySet<SpineRegion> {
  const levels = stringList(values[LEVELS_FUSED_FIELD]).filter(isSegmentId);
  if (levels.length === 0) return new Set<SpineRegion>(['cervical', 'thoracolumbar']);
  return new Set(levels.map(segmentRegion));
}

export function evaluateCondition(condition: Condition, values: EvaluationValues): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, values));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, values));
  if ('not' in condition) return !evaluateCondition(condition.not, values);
  if ('region' in condition) return constructRegions(values).has(condition.region);
  const value = values[condition.field];
  if ('answered' in condition) return isBlank(value) !== condition.answered;
  if ('equals' in condition) return value === condition.equals;
  if ('oneOf' in condition) return typeof value === 'string' && condition.oneOf.includes(value);
  return stringList(value).some((v) => condition.includesAny.includes(v));
}

export function isVisible(field: Pick<FieldDefinition, 'visibleWhen'>, values: EvaluationValues): boolean {
  return field.visibleWhen === undefined || evaluateCondition(field.visibleWhen, values);
}

export function requirementHolds(requirement: Requirement | undefined, values: EvaluationValues): boolean {
  if (requirement === undefined || requirement === false) return false;
  if (requirement === true) return true;
  return evaluateCondition(requirement, values);
}

/** Field ids a condition reads (for the schema integrity test). */
export function conditionFieldIds(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFieldIds);
  if ('any' in condition) return condition.any.flatMap(conditionFieldIds);
  if ('not' in condition) return conditionFieldIds(condition.not);
  if ('region' in condition) return [LEVELS_FUSED_FIELD];
  return [condition.field];
}
