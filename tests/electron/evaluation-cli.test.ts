import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend.ts';
import { outputPaths } from '../../electron/cli/commands/export-evaluations.ts';
import { runCli } from '../../electron/cli/run-cli.ts';
import { lumbarCase } from '../shared/evaluation/fixtures.ts';
import { expectOk, tempDir } from '../support/temp-backend.ts';
import { SCHEMA_VERSION } from '../../shared/evaluation/schema.ts';

let dir: ReturnType<typeof tempDir>;
let out: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  out = tempDir('scr-export-');
  process.env.SCR_DATA_DIR = dir.path;
});
afterEach(() => {
  delete process.env.SCR_DATA_DIR;
  dir.dispose();
  out.dispose();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let o = '';
  let e = '';
  const code = await runCli(
    argv,
    (s) => (o += `${s}\n`),
    (s) => (e += `${s}\n`),
  );
  return { code, out: o, err: e };
}

async function seed(): Promise<number[]> {
  const b = createBackend({ dataDir: dir.path, host: 'cli' });
  try {
    expectOk(await b.call('session.signIn', { name: 'Dr Ada', discipline: 'spine-surgery' }));
    const ids: number[] = [];
    for (const title of ['First case', 'Second case']) {
      const id = expectOk(
        await b.call('cases.create', { title, patient: { mrn: `M-${title.length}${ids.length}` } }),
      ).id;
      expectOk(
        await b.call('evaluation.save', {
          caseId: id,
          baseVersion: 0,
          document: { schemaVersion: SCHEMA_VERSION, values: lumbarCase() },
        }),
      );
      ids.push(id);
    }
    return ids;
  } finally {
    await b.close();
  }
}

describe('export-evaluations command', () => {
  it('writes CSV with its long tables beside it, owner-only, and a JSON summary', async () => {
    const [first] = await seed();
    const file = join(out.path, 'registry.csv');
    const r = await cli(
      'export-evaluations',
      '--format',
      'csv',
      '--case',
      String(first),
      '--out',
      file,
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as {
      format: string;
      cases: number;
      files: { path: string; bytes: number }[];
    };
    expect(summary).toMatchObject({ format: 'csv', cases: 1 });
    expect(summary.files.map((f) => f.path)).toEqual([
      file,
      join(out.path, 'registry.imaging.levels.csv'),
      join(out.path, 'registry.imaging.screws.csv'),
      join(out.path, 'registry.alternatives.treatments.csv'),
      join(out.path, 'registry.decision.actions.csv'),
      join(out.path, 'registry.data-dictionary.csv'),
    ]);
    const csv = readFileSync(file, 'utf8').split('\r\n');
    expect(csv).toHaveLength(3);
    expect(csv[1]).toMatch(new RegExp(`^${first},First case,draft,`));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('exports every case as JSON or FHIR, and refuses bad usage with exit code 2', async () => {
    await seed();
    const json = join(out.path, 'all.json');
    expect((await cli('export-evaluations', '--format', 'json', '--out', json)).out).toContain(
      'Exported 2 evaluations as json',
    );
    expect((JSON.parse(readFileSync(json, 'utf8')) as { cases: unknown[] }).cases).toHaveLength(2);
    const fhir = join(out.path, 'bundle.json');
    expect((await cli('export-evaluations', '--format', 'fhir', '--out', fhir)).code).toBe(0);
    expect((JSON.parse(readFileSync(fhir, 'utf8')) as { resourceType: string }).resourceType).toBe('Bundle');
    for (const argv of [
      ['export-evaluations', '--format', 'xml', '--out', json],
      ['export-evaluations', '--format', 'csv'],
      ['export-evaluations', '--format', 'csv', '--case', 'x', '--out', json],
      ['export-evaluations', '--format', 'csv', '--case', '999', '--out', join(out.path, 'none.csv')],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(out.path, 'none.csv'))).toBe(false);
  });

  it('writes the registry CSV: one row per decided version, with its data dictionary', async () => {
    const [first, second] = (await seed()) as [number, number];
    const b = createBackend({ dataDir: dir.path, host: 'cli' });
    try {
      expectOk(await b.call('session.signIn', { name: 'Dr Ada', discipline: 'spine-surgery' }));
      expectOk(
        await b.call('cases.update', {
          id: first,
          patient: { mrn: 'M-100', birthDate: '1961-04-02', sex: 'F' },
        }),
      );
      const decide = (recommendation: string) =>
        b.call('decision.record', {
          caseId: first,
          recommendation,
          nonOperativePlan: ['physicalTherapy'],
          investigations: ['spectCt'],
          rationale: 'Discussed at the spine MDT.',
          votes: [],
          actions: [],
        });
      const one = expectOk(await decide('investigate'));
      expectOk(
        await b.call('evaluation.reopen', { caseId: first, to: 'presented', reason: 'SPECT-CT back' }),
      );
      const two = expectOk(await decide('nonOperative'));
      expect([one.evaluationVersion, two.evaluationVersion]).toEqual([2, 3]);
    } finally {
      await b.close();
    }
    const file = join(out.path, 'registry.csv');
    const r = await cli('export-evaluations', '--format', 'registry', '--out', file, '--json');
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ format: 'registry', cases: 1 });
    const rows = readFileSync(file, 'utf8').trim().split('\r\n');
    const header = rows[0]?.split(',') ?? [];
    const cell = (line: string | undefined, name: string) => line?.split(',')[header.indexOf(name)];
    // The undecided second case has no row; the first has one per decision, each its own version.
    expect(rows).toHaveLength(3);
    expect(rows.slice(1).map((l) => cell(l, 'record_id'))).toEqual([`${first}-2`, `${first}-3`]);
    expect(rows.slice(1).map((l) => cell(l, 'decision'))).toEqual(['4', '3']);
    expect(cell(rows[1], 'sex')).toBe('2');
    expect(cell(rows[1], 'age_at_index_surgery')).toBe('59');
    expect(rows.some((l) => cell(l, 'case_id') === String(second))).toBe(false);
    const dictionary = readFileSync(join(out.path, 'registry.data-dictionary.csv'), 'utf8');
    expect(
      dictionary
        .split('\r\n')
        .slice(1, -1)
        .map((l) => l.split(',')[0]),
    ).toEqual(header);

    const deid = join(out.path, 'deid.csv');
    expect(
      (await cli('export-evaluations', '--format', 'registry', '--deidentified', '--out', deid)).code,
    ).toBe(0);
    const deidRows = readFileSync(deid, 'utf8').trim().split('\r\n');
    // A pseudonym for the MRN; dates shifted together, so the ages stay true.
    expect(deidRows.slice(1).map((l) => cell(l, 'patient_id'))).toEqual(['DEID-1', 'DEID-1']);
    expect(cell(deidRows[1], 'age_at_index_surgery')).toBe('59');
    expect(cell(deidRows[1], 'index_surgery_date')).not.toBe('2021-03-01');

    const alone = join(out.path, 'dictionary.csv');
    const d = await cli('export-evaluations', '--data-dictionary', '--out', alone);
    expect(d.code).toBe(0);
    expect(readFileSync(alone, 'utf8')).toBe(dictionary);
    expect(
      (await cli('export-evaluations', '--data-dictionary', '--format', 'csv', '--out', alone)).code,
    ).toBe(2);
  });

  it('names the extra files after the first', () => {
    const files = ['e-2026.csv', 'e-2026.imaging.levels.csv'].map((name) => ({
      name,
      mimeType: '',
      content: '',
    }));
    expect(outputPaths('/x/out.csv', files)).toEqual(['/x/out.csv', '/x/out.imaging.levels.csv']);
    expect(outputPaths('/x/out', files)).toEqual(['/x/out', '/x/out.imaging.levels']);
  });
});
