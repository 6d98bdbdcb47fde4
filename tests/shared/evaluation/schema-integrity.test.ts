import { describe, expect, it } from 'vitest';
import { conditionFieldIds } from '../../../shared/evaluation/conditions.ts';
import { COMPUTED_FIELDS, DERIVATIONS } from '../../../shared/evaluation/derived.ts';
import { FLAG_RULES } from '../../../shared/evaluation/flags/index.ts';
import { SEGMENTS } from '../../../shared/evaluation/levels.ts';
import { createReader } from '../../../shared/evaluation/reader.ts';
import {
  ALL_FIELDS,
  EVALUATION_SCHEMA,
  findField,
  SCHEMA_VERSION,
} from '../../../shared/evaluation/schema.ts';
import type { ChoiceOption, Condition, FieldDefinition } from '../../../shared/evaluation/types.ts';

/** Every field including grid columns and list-item fields, with a path for messages. */
function everyCell(): { path: string; field: FieldDefinition }[] {
  return ALL_FIELDS.flatMap((f) => [
    { path: f.id, field: f },
    ...(f.kind === 'levelGrid' ? f.columns.map((c) => ({ path: `${f.id}/${c.id}`, field: c })) : []),
    ...(f.kind === 'list' ? f.itemFields.map((c) => ({ path: `${f.id}/${c.id}`, field: c })) : []),
  ]);
}

function everyCondition(): { path: string; condition: Condition }[] {
  const out: { path: string; condition: Condition }[] = [];
  const add = (path: string, c: unknown) => {
    if (typeof c === 'object' && c !== null) out.push({ path, condition: c as Condition });
  };
  for (const { path, field } of everyCell()) {
    add(path, field.visibleWhen);
    add(path, field.requiredForDecision);
    add(path, field.requiredForRecord);
    if (field.kind === 'sideGrid') field.rows.forEach((r) => add(`${path}/${r.id}`, r.visibleWhen));
  }
  return out;
}

function leafConditions(c: Condition): Condition[] {
  if ('all' in c) return c.all.flatMap(leafConditions);
  if ('any' in c) return c.any.flatMap(leafConditions);
  if ('not' in c) return leafConditions(c.not);
  return [c];
}

describe('evaluation schema integrity', () => {
  it('has unique section ids and unique field ids prefixed by their section', () => {
    const sectionIds = EVALUATION_SCHEMA.sections.map((s) => s.id);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    const ids = ALL_FIELDS.map((f) => f.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const s of EVALUATION_SCHEMA.sections) {
      for (const f of s.fields) expect(f.id.startsWith(`${s.id}.`), f.id).toBe(true);
    }
    expect(EVALUATION_SCHEMA.version).toBe(SCHEMA_VERSION);
  });

  it('has the ten sections of the brief in order', () => {
    expect(EVALUATION_SCHEMA.sections.map((s) => s.id)).toEqual([
      'history',
      'prom',
      'exam',
      'imaging',
      'health',
      'labs',
      'expectations',
      'alternatives',
      'secondOpinion',
      'decision',
    ]);
  });

  it('gives every choice field at least two options with unique codes and labels', () => {
    for (const { path, field } of everyCell()) {
      let options: readonly (ChoiceOption | { score: number; label: string })[] | undefined;
      if (field.kind === 'singleChoice' || field.kind === 'multiChoice' || field.kind === 'sideGrid') {
        options = field.options;
      }
      if (field.kind === 'score') options = field.options;
      if (!options) continue;
      expect(options.length, path).toBeGreaterThanOrEqual(2);
      const codes = options.map((o) => ('code' in o ? o.code : String(o.score)));
      expect(new Set(codes).size, path).toBe(codes.length);
      for (const o of options) expect(o.label.trim(), path).not.toBe('');
    }
  });

  it('gives sub-ids (grid columns, list-item fields, grid rows) unique within their field', () => {
    for (const f of ALL_FIELDS) {
      const sub =
        f.kind === 'levelGrid'
          ? f.columns
          : f.kind === 'list'
            ? f.itemFields
            : f.kind === 'sideGrid'
              ? f.rows
              : [];
      const ids = sub.map((s) => s.id);
      expect(new Set(ids).size, f.id).toBe(ids.length);
    }
  });

  it('gives number fields a sane range and step', () => {
    for (const { path, field } of everyCell()) {
      if (field.kind !== 'integer' && field.kind !== 'decimal') continue;
      expect(field.min, path).toBeLessThan(field.max);
      expect(field.step, path).toBeGreaterThan(0);
      if (field.kind === 'integer')
        expect(Number.isInteger(field.min) && Number.isInteger(field.max), path).toBe(true);
    }
  });

  it('scores ODI and NDI as ten items of 0–5', () => {
    for (const prefix of ['prom.odi', 'prom.ndi']) {
      const items = ALL_FIELDS.filter((f) => f.kind === 'score' && f.id.startsWith(prefix));
      expect(items).toHaveLength(10);
      for (const item of items) {
        if (item.kind === 'score') expect(item.options.map((o) => o.score)).toEqual([0, 1, 2, 3, 4, 5]);
      }
    }
  });

  it('only refers to existing fields, and to existing option codes, in conditions', () => {
    const conditions = everyCondition();
    expect(conditions.length).toBeGreaterThan(10);
    for (const { path, condition } of conditions) {
      for (const id of conditionFieldIds(condition)) expect(findField(id), `${path} → ${id}`).toBeDefined();
      for (const leaf of leafConditions(condition)) {
        if (!('field' in leaf)) continue;
        const target = findField(leaf.field);
        const codes =
          'oneOf' in leaf
            ? leaf.oneOf
            : 'includesAny' in leaf
              ? leaf.includesAny
              : 'equals' in leaf
                ? [leaf.equals]
                : [];
        for (const code of codes) {
          if (typeof code === 'boolean') {
            expect(target?.kind, `${path} → ${leaf.field}`).toBe('boolean');
          } else {
            const options = target && 'options' in target ? (target.options as readonly ChoiceOption[]) : [];
            expect(
              options.some((o) => o.code === code),
              `${path} → ${leaf.field} has no option ${code}`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it('marks required fields, none of them in the decision section (filled at the conference)', () => {
    const required = ALL_FIELDS.filter((f) => f.requiredForDecision);
    expect(required.length).toBeGreaterThan(20);
    for (const f of required) expect(findField(f.id)).toBe(f);
    const decision = EVALUATION_SCHEMA.sections.find((s) => s.id === 'decision');
    expect(decision?.fields.some((f) => f.requiredForDecision)).toBe(false);
    expect(decision?.fields.filter((f) => f.requiredForRecord).map((f) => f.id)).toContain(
      'decision.recommendation',
    );
  });

  it('has a calculator for every computed field and a computed field for every calculator', () => {
    expect(Object.keys(DERIVATIONS).sort()).toEqual(COMPUTED_FIELDS.map((f) => f.id).sort());
    for (const f of COMPUTED_FIELDS) {
      expect(f.formula.trim(), f.id).not.toBe('');
      expect(f.source, f.id).not.toMatch(/DOMAIN|\.md\b/);
      // Counts and unit definitions need no paper; every clinical formula names one (author, year).
      if (!['history.levelCount', 'health.packYears'].includes(f.id)) {
        expect(f.source, f.id).toMatch(/\b(19|20)\d{2}\b/);
      }
    }
  });

  it('builds the level grid from the levels-fused field, whose options are the spinal segments', () => {
    const grid = ALL_FIELDS.find((f) => f.kind === 'levelGrid');
    expect(grid?.kind === 'levelGrid' && grid.margin).toBe(2);
    const levels = grid?.kind === 'levelGrid' ? findField(grid.levelsField) : undefined;
    expect(levels?.kind === 'multiChoice' && levels.options.map((o) => o.code)).toEqual(SEGMENTS);
    expect(SEGMENTS[0]).toBe('C2-C3');
    expect(SEGMENTS.at(-1)).toBe('L5-S1');
    expect(SEGMENTS).toHaveLength(23);
  });

  it('gives every flag a unique id, a primary source and existing fields; keeps every reviewed rule', () => {
    const ids = FLAG_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'smoking',
        'hba1c',
        'bmi',
        'osteoporosis',
        'albumin',
        'vitaminD',
        'crpRaised',
        'esrRaised',
        'chronicOpioids',
        'depression',
        'compensationLitigation',
        'frailty',
        'comorbidity',
        'earlyTimingCrp',
        'fusedLevelMotion',
        'neuroRedFlags',
        'infectionWorkup',
        'crpEarlyCourse',
        'sagittalRealignment',
        'adjacentInstability',
        'opioidDose',
        'cotinineNeverSmoker',
      ]),
    );
    for (const rule of FLAG_RULES) {
      expect(rule.source, rule.id).not.toMatch(/DOMAIN|\.md\b/);
      expect(rule.source, rule.id).toMatch(/\b(19|20)\d{2}\b/);
      for (const id of rule.fieldIds) expect(findField(id), `${rule.id} → ${id}`).toBeDefined();
    }
  });

  it('throws when code asks for a field that does not exist or of the wrong kind (catches typos)', () => {
    const r = createReader({});
    expect(() => r.number('health.weigthKg')).toThrow(/Unknown evaluation field/);
    expect(() => r.number('health.smoking')).toThrow(/singleChoice/);
  });
});
