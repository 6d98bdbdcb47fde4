import { dataDictionaryCsv } from '../../../shared/evaluation-export/data-dictionary.ts';
import { describe, expect, it } from 'vitest';
import { FLAG_RULES, csvColumns } from '../../../shared/evaluation/index.ts';
import { casesCsv, csvField, csvText, nestedCsv } from '../../../shared/evaluation-export/csv.ts';
import { buildExport, exportRecord } from '../../../shared/evaluation-export/index.ts';
import { csvNestedTables } from '../../../shared/evaluation/index.ts';
import { TODAY, cervicalCase, lumbarCase } from '../evaluation/fixtures.ts';
import { caseInput } from './fixtures.ts';

/** A minimal RFC 4180 reader, to check what the writer wrote round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += ch;
  }
  return rows;
}

describe('registry CSV', () => {
  it('quotes by RFC 4180: commas, quotes, line breaks and edge spaces; CRLF line ends', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(
      csvText([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });

  it('has stable columns: case, every field (units in brackets), every flag', () => {
    const header = parseCsv(casesCsv([]))[0]!;
    expect(header.slice(0, 4)).toEqual(['case.id', 'case.title', 'case.status', 'patient.mrn']);
    expect(header).toContain('health.weightKg');
    expect(header).toContain('health.weightKg.canonical [kg]');
    expect(header).toContain('labs.crp.canonical [mg/L]');
    expect(header).toContain('prom.odiPercent [%]');
    expect(header).toContain('exam.motor.L5.left');
    expect(header.filter((h) => h.startsWith('flag.'))).toEqual(FLAG_RULES.map((f) => `flag.${f.id}`));
    expect(header).toHaveLength(9 + csvColumns().length + FLAG_RULES.length);
    expect(new Set(header).size).toBe(header.length);
    // Same header for any data: the columns never depend on the cases exported.
    const records = [exportRecord(caseInput(1), TODAY)];
    expect(parseCsv(casesCsv(records))[0]).toEqual(header);
  });

  it('writes one row per case with codes, numbers, derived values and flags', () => {
    const values = lumbarCase({
      'health.smoking': 'current',
      'history.surgeon': 'Dr. O\'Neil, "Senior"\nSpine unit',
      'health.weightKg': '8O',
    });
    const records = [
      exportRecord(caseInput(7, values), TODAY),
      exportRecord(caseInput(8, cervicalCase()), TODAY),
    ];
    const [header, row, cervical] = parseCsv(casesCsv(records));
    const cell = (r: string[] | undefined, key: string) => r?.[header!.indexOf(key)];
    expect(cell(row, 'case.id')).toBe('7');
    expect(cell(row, 'history.surgeon')).toBe('Dr. O\'Neil, "Senior"\nSpine unit');
    expect(cell(row, 'history.levelsFused')).toBe('L4-L5|L5-S1');
    expect(cell(row, 'health.heightCm')).toBe('175');
    expect(cell(row, 'health.heightCm.canonical [cm]')).toBe('175');
    expect(cell(row, 'health.weightKg')).toBe('8O');
    expect(cell(row, 'health.weightKg.canonical [kg]')).toBe('');
    expect(cell(row, 'health.bmi [kg/m²]')).toBe('');
    expect(cell(row, 'evaluation.errors')).toBe('1');
    expect(cell(row, 'evaluation.readyForConference')).toBe('false');
    expect(cell(row, 'prom.odiPercent [%]')).toBe('50');
    expect(cell(row, 'exam.motor.L5.left')).toBe('4');
    expect(cell(row, 'flag.smoking')).toBe('warning');
    // Hidden for a cervical construct: no ODI, no lumbar-only values.
    expect(cell(cervical, 'prom.odiPercent [%]')).toBe('');
    expect(cell(cervical, 'prom.nrsNeck')).toBe('6');
    expect(cell(cervical, 'evaluation.readyForConference')).toBe('true');
  });

  it('exports the level grid and lists as long tables keyed by case', () => {
    const values = lumbarCase({
      'alternatives.treatments': [
        { id: 'a', values: { treatment: 'physicalTherapy', status: 'tried', durationWeeks: 12 } },
        { id: 'b', values: { treatment: 'epiduralInjection', status: 'planned' } },
      ],
    });
    const records = [exportRecord(caseInput(3, values), TODAY)];
    const [levels, , treatments] = csvNestedTables().map((t) => parseCsv(nestedCsv(t, records)));
    expect(levels![0]!.slice(0, 3)).toEqual(['case.id', 'imaging.levels.level', 'imaging.levels.bridwell']);
    expect(levels!.slice(1).map((r) => r[1])).toEqual(['L3-L4', 'L4-L5', 'L5-S1']);
    expect(treatments!.slice(1).map((r) => r.slice(0, 4))).toEqual([
      ['3', '1', 'physicalTherapy', 'tried'],
      ['3', '2', 'epiduralInjection', 'planned'],
    ]);
    const files = buildExport('csv', [caseInput(3, values)], {
      today: TODAY,
      exportedAt: '2025-06-15T10:00:00Z',
    });
    expect(files.map((f) => f.name)).toEqual([
      'evaluations-2025-06-15.csv',
      'evaluations-2025-06-15.imaging.levels.csv',
      'evaluations-2025-06-15.imaging.screws.csv',
      'evaluations-2025-06-15.alternatives.treatments.csv',
      'evaluations-2025-06-15.decision.actions.csv',
      'evaluations-2025-06-15.data-dictionary.csv',
    ]);
  });

  it('JSON keeps the document exactly, invalid values included, with derived values and flags', () => {
    const values = lumbarCase({ 'health.weightKg': '8O' });
    const [file] = buildExport('json', [caseInput(1, values)], {
      today: TODAY,
      exportedAt: '2025-06-15T10:00:00Z',
    });
    const json = JSON.parse(file!.content) as {
      cases: {
        evaluation: { document: { values: Record<string, unknown> } };
        derived: Record<string, unknown>;
      }[];
    };
    expect(json.cases[0]!.evaluation.document.values).toEqual(values);
    expect(json.cases[0]!.derived['prom.odiPercent']).toMatchObject({ available: true, value: 50 });
  });

  it('writes a lab entered in another unit as entered, with its unit and the canonical value', () => {
    const values = lumbarCase({ 'labs.crp': 2.5, 'labs.crpUnit': 'mg/dL' });
    const [header, row] = parseCsv(casesCsv([exportRecord(caseInput(1, values), TODAY)]));
    const cell = (key: string) => row![header!.indexOf(key)];
    expect([cell('labs.crp'), cell('labs.crpUnit'), cell('labs.crp.canonical [mg/L]')]).toEqual([
      '2.5',
      'mg/dL',
      '25',
    ]);
  });

  it('exports a data dictionary: every column with label, type, unit (UCUM) and codes', () => {
    const rows = parseCsv(dataDictionaryCsv());
    expect(rows[0]).toEqual(['table', 'column', 'label', 'type', 'unit', 'ucum', 'codes', 'definition']);
    const byColumn = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(byColumn.get('labs.crp.canonical')?.slice(2, 6)).toEqual([
      'C-reactive protein (CRP) (mg/L)',
      'decimal',
      'mg/L',
      'mg/L',
    ]);
    expect(byColumn.get('labs.crpUnit')?.[6]).toBe('mg/L=mg/L; mg/dL=mg/dL');
    expect(byColumn.get('history.workStatus')?.[6]).toContain('offWorkSpine=Off work because of the spine');
    expect(byColumn.get('flag.neuroRedFlags')?.[7]).toContain('Todd NV');
    expect(byColumn.get('imaging.screws.haloMm')?.slice(0, 5)).toEqual([
      'imaging.screws',
      'imaging.screws.haloMm',
      'Lucent halo width (mm)',
      'decimal',
      'mm',
    ]);
  });
});
