import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli.ts';
import { PYDICOM_TEST_FILES } from '../../support/dicom-corpus.ts';
import { testImportWorker } from '../../support/import-worker.ts';
import { tempDir } from '../../support/temp-backend.ts';

testImportWorker();
const sender = tempDir('scr-cli-sender-');
const reviewer = tempDir('scr-cli-reviewer-');
const files = tempDir('scr-cli-files-');
afterAll(() => {
  delete process.env.SCR_DATA_DIR;
  for (const d of [sender, reviewer, files]) d.dispose();
});

async function cli(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  process.env.SCR_DATA_DIR = dataDir;
  let out = '';
  let err = '';
  const code = await runCli(
    [...argv, '--user', 'Dr CLI', '--discipline', 'radiology'],
    (s) => (out += `${s}\n`),
    (s) => (err += `${s}\n`),
  );
  return { code, out, err };
}

describe('export-bundle / import-bundle', () => {
  it('exports a password-protected bundle and imports it in another data folder', async () => {
    const created = await cli(
      sender.path,
      'create-case',
      '--title',
      'CLI bundle case',
      '--mrn',
      'M-4411',
      '--json',
    );
    const caseId = (JSON.parse(created.out) as { id: number }).id;
    expect(
      (
        await cli(
          sender.path,
          'import',
          join(PYDICOM_TEST_FILES, 'CT_small.dcm'),
          '--case',
          String(caseId),
          '--json',
        )
      ).code,
    ).toBe(0);
    const passwordFile = join(files.path, 'password.txt');
    writeFileSync(passwordFile, 'a long enough password\n');
    const bundle = join(files.path, 'out.scrcase');
    const exported = await cli(
      sender.path,
      'export-bundle',
      '--case',
      String(caseId),
      '--out',
      bundle,
      '--password-file',
      passwordFile,
      '--keep-dates',
      '--json',
    );
    expect(exported.err).toBe('');
    expect(JSON.parse(exported.out)).toMatchObject({
      kind: 'case',
      instanceCount: 1,
      encrypted: true,
      path: bundle,
    });

    writeFileSync(join(files.path, 'wrong.txt'), 'not the password\n');
    const wrong = await cli(
      reviewer.path,
      'import-bundle',
      bundle,
      '--password-file',
      join(files.path, 'wrong.txt'),
      '--json',
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.err).toMatch(/password is wrong/);

    const imported = await cli(
      reviewer.path,
      'import-bundle',
      bundle,
      '--password-file',
      passwordFile,
      '--json',
    );
    expect(imported.err).toBe('');
    expect(JSON.parse(imported.out)).toMatchObject({ kind: 'case', instances: 1, alreadyImported: false });
  }, 120_000);

  it('names what is missing', async () => {
    const r = await cli(sender.path, 'export-bundle', '--case', '1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out FILE/);
  });
});
