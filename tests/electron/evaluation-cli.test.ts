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
