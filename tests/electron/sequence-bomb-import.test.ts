// A sequence bomb (sequences nested 20,000 deep) imported through the backend and its import workers
// fails with the named depth reason; the same file nested 3 deep imports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { text, uid } from '../shared/dicom/build-dicom.ts';
import { fileWithNest } from '../shared/dicom/nested-sequences.ts';
import { importPaths, signedIn } from '../support/import.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { tempBackend, tempDir } from '../support/temp-backend.ts';

const EXPLICIT = '1.2.840.10008.1.2.1';
let b: TempBackend;
const dir = tempDir();

const identifiers = (n: number) => [
  { tag: 0x00080016, vr: 'UI', value: uid('1.2.840.10008.5.1.4.1.1.7') },
  { tag: 0x00080018, vr: 'UI', value: uid(`1.2.826.0.1.3680043.8.498.91.${n}`) },
  { tag: 0x00080060, vr: 'CS', value: text('OT') },
  { tag: 0x00100020, vr: 'LO', value: text('NEST-1') },
  { tag: 0x0020000d, vr: 'UI', value: uid('1.2.826.0.1.3680043.8.498.91.1') },
  { tag: 0x0020000e, vr: 'UI', value: uid('1.2.826.0.1.3680043.8.498.91.2') },
];

beforeAll(async () => {
  b = tempBackend();
  await signedIn(b);
});
afterAll(async () => {
  await b.dispose();
  dir.dispose();
});

describe('importing a sequence bomb', () => {
  it('fails with the depth reason, not a stack overflow; real nesting imports', async () => {
    const bomb = join(dir.path, 'bomb.dcm');
    writeFileSync(
      bomb,
      fileWithNest(EXPLICIT, { depth: 20_000, explicit: true, undefinedLengths: true }, identifiers(3)),
    );
    const shallow = join(dir.path, 'shallow.dcm');
    writeFileSync(
      shallow,
      fileWithNest(EXPLICIT, { depth: 3, explicit: true, undefinedLengths: true }, identifiers(4)),
    );
    const progress = await importPaths(b, [bomb, shallow]);
    expect(progress.failed).toHaveLength(1);
    expect(progress.failed[0]!.path).toMatch(/bomb\.dcm$/);
    expect(progress.failed[0]!.reason).toMatch(
      /nests sequences more than 128 levels deep; refused \(a possible sequence bomb\)/,
    );
    expect(progress.failed[0]!.reason).not.toMatch(/call stack/i);
    expect(progress.imported).toBe(1);
  });
});
