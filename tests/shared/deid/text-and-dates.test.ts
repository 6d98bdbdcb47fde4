import { describe, expect, it } from 'vitest';
import { ageInYears, shiftDicomDate, shiftDicomDateTime, shiftIsoDate } from '../../../shared/deid/dates.ts';
import { deidentifyEvaluation, freeTextsOf } from '../../../shared/deid/evaluation.ts';
import { deidentifyExportCase } from '../../../shared/deid/export-case.ts';
import { findIdentifiers, redactIdentifiers } from '../../../shared/deid/identifiers.ts';
import { buildExport } from '../../../shared/evaluation-export/index.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/index.ts';

const KNOWN = { names: ['Doe^Jane'], ids: ['MRN-771204'], dates: ['1961-03-14'] };

describe('likely identifiers in free text', () => {
  it('marks the patient’s names, record number and birth date in any spelling, phones and dates', () => {
    const text =
      'Jane DOE (MRN-771204), born 14.03.1961, seen 2025-11-03; call +44 161 496 0123. Spinal fusion.';
    const marked = findIdentifiers(text, KNOWN).map((s) => text.slice(s.start, s.end));
    expect(marked).toEqual(expect.arrayContaining(['Jane', 'DOE', 'MRN-771204', '14.03.1961', '2025-11-03']));
    expect(marked.some((m) => m.includes('496'))).toBe(true);
    expect(redactIdentifiers(text, KNOWN)).not.toMatch(/Jane|DOE|771204|1961|2025|0123/);
    expect(redactIdentifiers(text, KNOWN)).toContain('Spinal fusion.');
  });

  it('does not mark name parts inside other words', () => {
    expect(
      findIdentifiers('Doesn’t hurt; a doe-eyed look', { names: ['Al^Doe'], ids: [], dates: [] }),
    ).toHaveLength(1);
    expect(findIdentifiers('spinal alignment', { names: ['Al^Doe'], ids: [], dates: [] })).toEqual([]);
  });
});

describe('dates moved by one offset', () => {
  it('keeps intervals across months, leap years and DT precision', () => {
    expect(shiftDicomDate('20240301', -1)).toBe('20240229');
    expect(shiftDicomDate('20200101-20200131', 31)).toBe('20200201-20200302');
    expect(shiftDicomDateTime('20240301123000.5+0100', -366)).toBe('20230301123000.5+0100');
    expect(shiftIsoDate('2025-01-01', -365)).toBe('2024-01-02');
    expect(shiftDicomDate('garbage', 3)).toBeNull();
    expect(ageInYears('1961-03-14', '2026-03-13')).toBe(64);
    expect(ageInYears('19610314', '20260314')).toBe(65);
  });
});

describe('de-identified evaluation and exports', () => {
  const document = {
    schemaVersion: SCHEMA_VERSION,
    values: {
      'decision.rationale': 'Jane Doe agrees; MRN-771204.',
      'decision.date': '2025-11-03',
      'decision.recommendation': 'proceed',
    },
  };
  it('cleans free text, shifts dates and keeps coded answers; reviewed text wins', () => {
    const out = deidentifyEvaluation(document, { dateOffsetDays: -10, known: KNOWN });
    expect(out.values['decision.rationale']).toBe('[removed] [removed] agrees; [removed].');
    expect(out.values['decision.date']).toBe('2025-10-24');
    expect(out.values['decision.recommendation']).toBe('proceed');
    const reviewed = deidentifyEvaluation(document, {
      dateOffsetDays: -10,
      known: KNOWN,
      reviewed: { 'evaluation/decision.rationale': 'Patient agrees.' },
    });
    expect(reviewed.values['decision.rationale']).toBe('Patient agrees.');
    expect(freeTextsOf(document, KNOWN).map((t) => t.key)).toEqual(['evaluation/decision.rationale']);
  });

  it('leaves no name or MRN in the JSON, CSV or FHIR exports', () => {
    const input = {
      caseId: 7,
      title: 'Doe revision',
      status: 'draft' as const,
      mrn: 'MRN-771204',
      patientName: 'Doe^Jane',
      version: 1,
      savedAt: '2026-01-05T08:00:00Z',
      savedBy: { name: 'Dr. Sender', discipline: 'spine-surgery' as const },
      document,
    };
    const clean = deidentifyExportCase(input, KNOWN, 'DEID-1', -30);
    for (const format of ['json', 'csv', 'fhir'] as const) {
      const text = buildExport(format, [clean], { today: '2026-01-05', exportedAt: '2026-01-05T08:00:00Z' })
        .map((f) => f.content)
        .join('\n');
      expect(text, format).not.toMatch(/Jane|Doe\b|771204|2025-11-03/);
      expect(text, format).toContain('DEID-1');
    }
  });
});
