import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend.ts';
import { runCli } from '../../electron/cli/run-cli.ts';
import { clinicalRulesMarkdown } from '../../shared/evaluation/rules-doc.ts';
import { SCHEMA_VERSION } from '../../shared/evaluation/schema.ts';
import { lumbarCase } from '../shared/evaluation/fixtures.ts';
import { expectOk, tempDir } from '../support/temp-backend.ts';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  process.env.SCR_DATA_DIR = dir.path;
});
afterEach(() => {
  delete process.env.SCR_DATA_DIR;
  dir.dispose();
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

async function seedCase(): Promise<number> {
  const b = createBackend({ dataDir: dir.path, host: 'cli' });
  try {
    expectOk(await b.call('session.signIn', { name: 'Dr Ada', discipline: 'spine-surgery' }));
    const id = expectOk(await b.call('cases.create', { title: 'Flags case', patient: { mrn: 'M-9' } })).id;
    const values = lumbarCase({
      'history.symptoms': ['radicularPain', 'bowelBladder'],
      'labs.crp': 2.5,
      'labs.crpUnit': 'mg/dL',
    });
    expectOk(
      await b.call('evaluation.save', {
        caseId: id,
        baseVersion: 0,
        document: { schemaVersion: SCHEMA_VERSION, values },
      }),
    );
    return id;
  } finally {
    await b.close();
  }
}

describe('flags command', () => {
  it('prints the current evaluation’s flags as JSON: id, level, found, threshold, source; urgent first', async () => {
    const id = await seedCase();
    const r = await cli('flags', '--case', String(id), '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as {
      caseId: number;
      flags: { id: string; level: string; found: string; threshold: string; source: string }[];
    };
    expect(parsed.caseId).toBe(id);
    expect(parsed.flags[0]).toMatchObject({ id: 'neuroRedFlags', level: 'urgent' });
    expect(parsed.flags[0]?.found).toContain('new bowel or bladder dysfunction');
    const crp = parsed.flags.find((f) => f.id === 'crpRaised');
    expect(crp?.found).toContain('25 mg/L (entered 2.5 mg/dL)');
    expect(parsed.flags.find((f) => f.id === 'infectionWorkup')?.level).toBe('warning');
    for (const f of parsed.flags) {
      expect(Object.keys(f)).toEqual(['id', 'level', 'label', 'found', 'threshold', 'source']);
      expect(f.source).toMatch(/\b(19|20)\d{2}\b/);
    }
  });

  it('prints readable text without --json and refuses bad usage with exit code 2', async () => {
    const id = await seedCase();
    const text = await cli('flags', '--case', String(id));
    expect(text.out).toContain('[URGENT] Neurological red flag');
    expect((await cli('flags')).code).toBe(2);
    expect((await cli('flags', '--case', 'abc')).code).toBe(2);
  });

  it('clinical-rules writes the generated reference', async () => {
    const file = `${dir.path}/rules.md`;
    expect((await cli('clinical-rules', '--out', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(clinicalRulesMarkdown());
  });
});
