import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditForCase } from '../../../db/audit.ts';
import { openDatabase } from '../../../db/open.ts';
import { createBackend } from '../../../electron/backend/create-backend.ts';
import { runCli } from '../../../electron/cli/run-cli.ts';
import { lumbarCase } from '../../shared/evaluation/fixtures.ts';
import { expectOk, tempDir } from '../../support/temp-backend.ts';
import { pdfFonts, pdfInfo, pdfText } from './pdf-tools.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/schema.ts';

let dir: ReturnType<typeof tempDir>;
let out: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
  out = tempDir('scr-pdf-');
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

/** Two cases with complete work-ups; the second patient's name needs more than Latin-1. */
async function seed(): Promise<number[]> {
  const b = createBackend({ dataDir: dir.path, host: 'cli' });
  try {
    expectOk(await b.call('session.signIn', { name: 'Dr Ada', discipline: 'spine-surgery' }));
    const ids: number[] = [];
    for (const [title, name] of [
      ['Failed L4–S1 fusion', 'Müller^Anna'],
      ['Adjacent segment after L5–S1 fusion', 'Łukasiewicz^Zdzisław'],
    ] as const) {
      const c = expectOk(
        await b.call('cases.create', {
          title,
          clinicalQuestion: 'Revise to L3–S1 or treat without surgery?',
          patient: { mrn: `M-${ids.length + 1}`, name, birthDate: '1960-04-02', sex: 'F' },
        }),
      );
      expectOk(
        await b.call('evaluation.save', {
          caseId: c.id,
          baseVersion: 0,
          document: {
            schemaVersion: SCHEMA_VERSION,
            values: lumbarCase({ 'imaging.pi': 58, 'imaging.ll': 31 }),
          },
        }),
      );
      ids.push(c.id);
    }
    return ids;
  } finally {
    await b.close();
  }
}

const json = <T>(r: { code: number; out: string; err: string }): T => {
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
};

describe('conference command line', () => {
  it('creates a conference, records a decision with dissent, and writes minutes and case report PDFs', async () => {
    const [first, second] = await seed();
    const conf = json<{ id: number; date: string }>(
      await cli(
        'conference-create',
        '--title',
        'Spine MDT',
        '--date',
        '2026-01-05',
        '--location',
        'Room 4',
        '--json',
      ),
    );
    expect(conf.date).toBe('2026-01-05');
    for (const id of [first, second])
      expect((await cli('conference-add', '--conference', String(conf.id), '--case', String(id))).code).toBe(
        0,
      );
    for (const [name, d] of [
      ['Dr Ada', 'spine-surgery'],
      ['Dr Ray', 'radiology'],
      ['Dr Søren Ødegård', 'physiatry-pain'],
    ] as const)
      expect(
        (await cli('attendee-add', '--conference', String(conf.id), '--name', name, '--discipline', d)).code,
      ).toBe(0);

    const decision = json<{ recommendation: string; votes: { name: string; vote: string; note: string }[] }>(
      await cli(
        'decide',
        '--case',
        String(first),
        '--conference',
        String(conf.id),
        '--recommendation',
        'proceed',
        '--plan',
        'L3–S1 revision with anterior column support',
        '--rationale',
        'Symptomatic pseudarthrosis at L5–S1 with a loose S1 screw.',
        '--dissent',
        'Dr Søren Ødegård: try a pain programme first',
        '--action',
        'Book CT-guided biopsy | Dr Ray | 2026-01-20',
        '--json',
      ),
    );
    expect(decision.recommendation).toBe('proceed');
    expect(decision.votes).toEqual([
      { name: 'Dr Ada', discipline: 'spine-surgery', vote: 'agree', note: '' },
      { name: 'Dr Ray', discipline: 'radiology', vote: 'agree', note: '' },
      {
        name: 'Dr Søren Ødegård',
        discipline: 'physiatry-pain',
        vote: 'dissent',
        note: 'try a pain programme first',
      },
    ]);

    for (const paper of ['A4', 'Letter'] as const) {
      const file = join(out.path, `minutes-${paper}.pdf`);
      const written = json<{ pages: number }>(
        await cli('minutes', '--conference', String(conf.id), '--out', file, '--paper', paper, '--json'),
      );
      const info = pdfInfo(file);
      expect(info.pages).toBe(written.pages);
      // A4 is 595 × 842 pt, US Letter 612 × 792 pt.
      expect([Math.round(info.width), Math.round(info.height)]).toEqual(
        paper === 'A4' ? [595, 842] : [612, 792],
      );
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const text = pdfText(file).replace(/\s+/g, ' ');
      expect(text).toContain('Minutes — Spine MDT');
      expect(text).toContain('Dr Søren Ødegård');
      expect(text).toContain('Proceed with revision as proposed');
      expect(text).toContain('L3–S1 revision with anterior column support');
      expect(text).toContain(
        'Dissents — Dr Søren Ødegård, Physiatry / pain medicine: try a pain programme first',
      );
      expect(text).toContain('Book CT-guided biopsy — owner: Dr Ray; due: 2026-01-20');
      expect(text).toContain('Łukasiewicz^Zdzisław');
      expect(text).toContain('No decision recorded.');
      expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    }

    const report = join(out.path, 'case.pdf');
    expect((await cli('case-report', '--case', String(first), '--out', report)).code).toBe(0);
    const text = pdfText(report).replace(/\s+/g, ' ');
    expect(text).toContain('Case report — Failed L4–S1 fusion');
    expect(text).toContain('Müller^Anna');
    expect(text).toContain('Pelvic incidence (PI): 58°');
    expect(text).toContain('PI–LL 27°');

    // The case is decided and read-only; deciding again is refused until it is reopened.
    const again = await cli(
      'decide',
      '--case',
      String(first),
      '--recommendation',
      'refer',
      '--rationale',
      'x y z',
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain('already decided');
    const db = openDatabase(join(dir.path, 'case-review.sqlite'));
    try {
      const actions = auditForCase(db, first!).map((a) => a.action);
      expect(actions).toContain('decision.record');
      expect(actions).toContain('report.minutes');
      expect(actions).toContain('report.case');
    } finally {
      db.close();
    }
  });

  it('refuses bad input with a clear message', async () => {
    const [first] = await seed();
    const bad = await cli('conference-create', '--title', 'MDT', '--date', '2026-02-30');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Not a valid calendar date');
    const conf = json<{ id: number }>(
      await cli('conference-create', '--title', 'Spine MDT', '--date', '2026-01-05', '--json'),
    );
    const discipline = await cli(
      'attendee-add',
      '--conference',
      String(conf.id),
      '--name',
      'Dr X',
      '--discipline',
      'surgery',
    );
    expect(discipline.code).toBe(2);
    expect(discipline.err).toContain('Unknown discipline "surgery"');
    const plan = await cli(
      'decide',
      '--case',
      String(first),
      '--recommendation',
      'proceed',
      '--rationale',
      'Loose screw.',
    );
    expect(plan.code).toBe(2);
    expect(plan.err).toContain('Planned procedure');
    const code = await cli(
      'decide',
      '--case',
      String(first),
      '--recommendation',
      'operate',
      '--rationale',
      'x y z',
    );
    expect(code.code).toBe(2);
    expect(code.err).toContain('Unknown recommendation "operate"');
    const dissent = await cli(
      'decide',
      '--case',
      String(first),
      '--recommendation',
      'refer',
      '--refer-to',
      'Pain clinic',
      '--rationale',
      'No spinal cause.',
      '--dissent',
      'Dr Ray:',
    );
    expect(dissent.code).toBe(2);
    expect(dissent.err).toContain('A dissent needs a note');
  });
});
