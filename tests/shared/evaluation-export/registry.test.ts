import { describe, expect, it } from 'vitest';
import type { EvaluationValues } from '../../../shared/evaluation/index.ts';
import {
  REGISTRY_COLUMNS,
  registryCsv,
  registryDictionaryCsv,
  registryFiles,
} from '../../../shared/evaluation-export/registry.ts';
import type { RegistryCaseInput } from '../../../shared/evaluation-export/registry.ts';
import { lumbarCase } from '../evaluation/fixtures.ts';
import { caseInput } from './fixtures.ts';

/** RFC 4180 rows (no quoted line breaks in these files). */
function parse(text: string): string[][] {
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i += 1) {
        const ch = line[i];
        if (quoted && ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else if (ch === '"') quoted = !quoted;
        else if (ch === ',' && !quoted) {
          cells.push(cell);
          cell = '';
        } else cell += ch;
      }
      cells.push(cell);
      return cells;
    });
}

const DECIDED: EvaluationValues = lumbarCase({
  'history.previousOperations': 2,
  'history.indexComplications': ['woundProblem', 'returnToTheatre'],
  'history.education': 'upperSecondary',
  'prom.date': '2025-06-02',
  'prom.timePoint': 'preop',
  'prom.eq5dMobility': 3,
  'prom.eq5dSelfCare': 1,
  'prom.eq5dUsualActivities': 4,
  'prom.eq5dPainDiscomfort': 4,
  'prom.eq5dAnxietyDepression': 2,
  'prom.eq5dVas': 45,
  'prom.eq5dIndex': 0.512,
  'prom.comi': 7.4,
  'health.smoking': 'current',
  'health.cigarettesPerDay': 20,
  'health.yearsSmoked': 30,
  'decision.date': '2025-06-15',
  'decision.recommendation': 'modified',
});

function decided(
  id: number,
  version: number,
  values: EvaluationValues,
  extra: Partial<RegistryCaseInput> = {},
): RegistryCaseInput {
  return {
    ...caseInput(id, values, { version, status: 'decided' }),
    patientSex: 'F',
    patientBirthDate: '1961-04-02',
    decisionId: 10 + version,
    decidedAt: '2025-06-15T10:00:00.000Z',
    ...extra,
  };
}

const row = (text: string, index = 1): Record<string, string> => {
  const rows = parse(text);
  const header = rows[0] ?? [];
  return Object.fromEntries(header.map((h, i) => [h, rows[index]?.[i] ?? '']));
};

describe('registry CSV', () => {
  it('has registry-style columns for every item a spine registry collects', () => {
    const header = parse(registryCsv([]))[0];
    expect(header).toEqual(REGISTRY_COLUMNS.map((c) => c.name));
    for (const name of [
      'age_at_index_surgery',
      'age_at_evaluation',
      'sex',
      'prom_date',
      'prom_timepoint',
      'eq5d_mobility',
      'eq5d_selfcare',
      'eq5d_usual_activities',
      'eq5d_pain_discomfort',
      'eq5d_anxiety_depression',
      'eq5d_vas',
      'eq5d_index',
      'comi',
      'odi',
      'ndi',
      'complication_any',
      'reoperation',
      'education',
      'smoking',
      'bmi',
      'asa_class',
      'decision',
    ])
      expect(header).toContain(name);
    // Never the birth date itself, never a dotted app field id.
    expect(header?.some((h) => /birth|\./.test(h))).toBe(false);
  });

  it('writes ages, registry codes and instrument scores, never the app-internal option codes', () => {
    const text = registryCsv([decided(4, 7, DECIDED)]);
    const r = row(text);
    expect(r).toMatchObject({
      record_id: '4-7',
      case_id: '4',
      patient_id: 'M-4',
      evaluation_version: '7',
      decision_id: '17',
      sex: '2',
      age_at_index_surgery: '59',
      age_at_evaluation: '64',
      education: '3',
      work_status: '3',
      bmi: '26.1',
      asa_class: '2',
      smoking: '2',
      pack_years: '30',
      index_surgery_date: '2021-03-01',
      levels_fused: 'L4-L5|L5-S1',
      levels_fused_count: '2',
      prior_spine_operations: '2',
      complication_any: '1',
      complication_wound: '1',
      complication_ssi_antibiotics: '0',
      reoperation: '1',
      prom_date: '2025-06-02',
      prom_timepoint: '0',
      nrs_back: '7',
      nrs_leg: '6',
      nrs_neck: '',
      odi: '50',
      ndi: '',
      eq5d_mobility: '3',
      eq5d_selfcare: '1',
      eq5d_usual_activities: '4',
      eq5d_pain_discomfort: '4',
      eq5d_anxiety_depression: '2',
      eq5d_vas: '45',
      eq5d_index: '0.512',
      comi: '7.4',
      decision_date: '2025-06-15',
      decision: '2',
      decision_surgery: '1',
    });
    expect(text).not.toMatch(/offWorkSpine|upperSecondary|returnToTheatre|modified|current/);
  });

  it('leaves unanswered items empty, and "none" complications are 0, not 1', () => {
    const r = row(
      registryCsv([
        decided(5, 2, lumbarCase({ 'history.indexComplications': ['none'] }), {
          patientSex: null,
          patientBirthDate: null,
        }),
      ]),
    );
    expect(r).toMatchObject({
      sex: '',
      age_at_index_surgery: '',
      education: '',
      complication_any: '0',
      reoperation: '0',
      eq5d_mobility: '',
      comi: '',
      decision: '',
    });
  });

  it('has one row per decided version: a case decided twice appears twice', () => {
    const first = decided(4, 3, { ...DECIDED, 'decision.recommendation': 'investigate' });
    const second = decided(4, 7, DECIDED, { decisionId: 30 });
    const rows = parse(registryCsv([first, second])).slice(1);
    expect(rows.map((r) => r[0])).toEqual(['4-3', '4-7']);
    expect(rows.map((r) => r[REGISTRY_COLUMNS.findIndex((c) => c.name === 'decision')])).toEqual(['4', '2']);
  });

  it('reports ages of 90 and over as 90 when de-identified', () => {
    const old = { patientBirthDate: '1930-01-01' };
    expect(row(registryCsv([decided(1, 1, DECIDED, old)])).age_at_evaluation).toBe('95');
    expect(row(registryCsv([decided(1, 1, DECIDED, { ...old, deidentified: true })])).age_at_evaluation).toBe(
      '90',
    );
  });

  it('ships its data dictionary, generated from the same columns (no drift)', () => {
    const dictionary = parse(registryDictionaryCsv());
    expect(dictionary[0]).toEqual(['column', 'description', 'type', 'unit', 'codes', 'source']);
    // Same names, same order, as the registry file's header.
    expect(dictionary.slice(1).map((r) => r[0])).toEqual(parse(registryCsv([]))[0]);
    for (const [name, description, type, , codes, source] of dictionary.slice(1)) {
      expect(description, name).not.toBe('');
      expect(source, name).not.toBe('');
      expect(['integer', 'decimal', 'code', 'date', 'text']).toContain(type);
      if (type === 'code') expect(codes, name).toMatch(/^\d+=/);
    }
    const byName: Record<string, string[]> = Object.fromEntries(
      dictionary.slice(1).map((r) => [r[0] ?? '', r] as const),
    );
    expect(byName.eq5d_mobility?.[5]).toMatch(/Herdman M et al\., Qual Life Res 2011/);
    expect(byName.comi?.[5]).toMatch(/Mannion AF et al\., Eur Spine J/);
    expect(byName.odi?.[5]).toMatch(/Fairbank JC, Pynsent PB, Spine 2000/);
    expect(byName.work_status?.[4]).toContain('3=not working because of the spine');
    expect(byName.bmi?.[3]).toBe('kg/m2');

    const files = registryFiles([], { today: '2025-06-15', exportedAt: '2025-06-15T10:00:00Z' });
    expect(files.map((f) => f.name)).toEqual([
      'registry-2025-06-15.csv',
      'registry-2025-06-15.data-dictionary.csv',
    ]);
    expect(files[1]?.content).toBe(registryDictionaryCsv());
  });
});
