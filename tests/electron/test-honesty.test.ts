// A missing reference tool must never pass silently: with CI=true it fails, outside CI it skips
// with its reason named, and the closing line's skip count is the list of named skips.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAllowedSkip, mergeTallies, playwrightTally, vitestTally } from '../../scripts/test-summary.mjs';
import { MissingReferenceToolError, titled, toolsMissing } from '../support/reference-tools.ts';

const env = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const { CI: _ci, SCR_HIDE_TOOLS: _hidden, ...rest } = process.env;
  return { ...rest, ...extra };
};

describe('reference tools', () => {
  it('a hidden tool skips with its reason outside CI and throws under CI=true', () => {
    const hidden = env({ SCR_HIDE_TOOLS: 'dciodvfy' });
    expect(toolsMissing(['dciodvfy'], hidden)).toMatch(/dciodvfy is hidden/);
    expect(toolsMissing(['dcmtk'], hidden)).toBeNull();
    expect(() => toolsMissing(['dciodvfy'], { ...hidden, CI: 'true' })).toThrow(MissingReferenceToolError);
    expect(titled('validates', 'dciodvfy is missing')).toBe('validates [skipped: dciodvfy is missing]');
  });

  it('npm test refuses to start under CI=true when a tool is missing, naming it', () => {
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, ['scripts/test.mjs', '--preflight'], { encoding: 'utf8', env: env(extra) });
    const hidden = run({ CI: 'true', SCR_HIDE_TOOLS: 'pydicom-numpy,orthanc' });
    expect(hidden.status).toBe(1);
    expect(hidden.stderr).toMatch(/pydicom-numpy: pydicom-numpy is hidden/);
    expect(hidden.stderr).toMatch(/orthanc: orthanc is hidden/);
    expect(hidden.stdout).toMatch(/Tests: 0 passed, 1 failed, 0 skipped/);
    expect(run({ CI: 'true' }).status).toBe(0);
    const outsideCi = run({ SCR_HIDE_TOOLS: 'gdcm' });
    expect(outsideCi.status).toBe(0);
    expect(outsideCi.stdout).toMatch(/gdcm is missing .*tests that need it will skip/);
  });

  it('a test file that needs a hidden tool fails under CI=true instead of skipping', () => {
    const r = spawnSync(
      'node_modules/.bin/vitest',
      ['run', 'tests/electron/pixels/jpeg-dct-decoder.test.ts', '--reporter=dot'],
      { encoding: 'utf8', env: env({ CI: 'true', SCR_HIDE_TOOLS: 'pydicom-corpus', FORCE_COLOR: '0' }) },
    );
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/CI=true and a reference tool is missing: pydicom-corpus/);
    const skipped = spawnSync(
      'node_modules/.bin/vitest',
      ['run', 'tests/electron/pixels/jpeg-dct-decoder.test.ts', '--reporter=json'],
      { encoding: 'utf8', env: env({ SCR_HIDE_TOOLS: 'pydicom-corpus' }) },
    );
    expect(skipped.status).toBe(0);
    const tally = vitestTally(JSON.parse(skipped.stdout.slice(skipped.stdout.indexOf('{'))));
    expect(tally.passed).toBe(0);
    expect(tally.skipped.length).toBeGreaterThan(0);
    for (const s of tally.skipped) expect(s.reason).toBe('pydicom-corpus is hidden by SCR_HIDE_TOOLS');
  }, 120_000);
});

describe('the closing summary', () => {
  it('counts exactly the named skips, each with its reason; only the Electron smoke test may skip in CI', () => {
    const vitest = vitestTally({
      testResults: [
        {
          status: 'passed',
          assertionResults: [
            { ancestorTitles: ['a'], title: 'runs', status: 'passed' },
            { ancestorTitles: ['b [skipped: dcmtk is missing]'], title: 'x', status: 'skipped' },
          ],
        },
        { status: 'failed', assertionResults: [] },
      ],
    });
    const playwright = playwrightTally({
      suites: [
        {
          title: 'electron.spec.ts',
          specs: [
            {
              title: 'Electron host',
              file: 'electron.spec.ts',
              tests: [{ status: 'skipped', annotations: [{ type: 'skip', description: 'no binary' }] }],
            },
            { title: 'cases', file: 'cases.spec.ts', tests: [{ status: 'expected', annotations: [] }] },
          ],
        },
      ],
    });
    const all = mergeTallies(vitest, playwright);
    expect(all.passed).toBe(2);
    expect(all.failed).toBe(1);
    expect(all.skipped.map((s) => s.reason)).toEqual(['dcmtk is missing', 'no binary']);
    expect(all.skipped.map(isAllowedSkip)).toEqual([false, true]);
  });
});
