import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli.ts';
import { tempDir } from '../support/temp-backend.ts';

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
  let out = '';
  let err = '';
  const code = await runCli(
    argv,
    (s) => (out += `${s}\n`),
    (s) => (err += `${s}\n`),
  );
  return { code, out, err };
}

describe('command line', () => {
  it('prints help listing every command', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('create-case');
    expect(r.out).toContain('SCR_DATA_DIR');
  });

  it('creates and lists cases as JSON in SCR_DATA_DIR', async () => {
    const created = await cli(
      'create-case',
      '--title',
      'Failed L5-S1 fusion',
      '--mrn',
      'M-9',
      '--json',
      '--user',
      'Dr CLI',
      '--discipline',
      'neurosurgery',
    );
    expect(created.code).toBe(0);
    const c = JSON.parse(created.out) as { id: number; createdBy: string; patient: { mrn: string } };
    expect(c).toMatchObject({ createdBy: 'Dr CLI', patient: { mrn: 'M-9' } });
    const listed = await cli('cases', '--json');
    expect(JSON.parse(listed.out)).toEqual([
      expect.objectContaining({ id: c.id, title: 'Failed L5-S1 fusion', mrn: 'M-9' }),
    ]);
  });

  it('asks for a choice before changing a recorded patient’s name, and applies the one given', async () => {
    const as = ['--user', 'Dr CLI', '--discipline', 'neurosurgery'];
    const first = [
      'create-case',
      '--title',
      'First case',
      '--mrn',
      'M-7',
      '--patient-name',
      'DOE^JANE',
      ...as,
    ];
    expect((await cli(...first)).code).toBe(0);
    const other = [
      'create-case',
      '--title',
      'Second case',
      '--mrn',
      'M-7',
      '--patient-name',
      'DOE^JOAN',
      '--json',
      ...as,
    ];
    const refused = await cli(...other);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/already on record.*name differs/);
    const kept = await cli(...other, '--patient-details', 'keep-recorded');
    expect(JSON.parse(kept.out)).toMatchObject({ patient: { mrn: 'M-7', name: 'DOE^JANE' } });
    const replaced = await cli(...other, '--patient-details', 'use-entered');
    expect(JSON.parse(replaced.out)).toMatchObject({ patient: { mrn: 'M-7', name: 'DOE^JOAN' } });
    expect((await cli(...other, '--patient-details', 'maybe')).code).toBe(2);
  });

  it('exits non-zero with a one-line reason on bad input', async () => {
    for (const argv of [
      ['create-case', '--title', 'x'],
      ['create-case'],
      ['cases', '--status', 'lost'],
      ['frobnicate'],
      ['cases', '--nope'],
    ]) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), argv.join(' ')).toHaveLength(1);
      expect(r.err).toMatch(/^error: /);
    }
  });
});
