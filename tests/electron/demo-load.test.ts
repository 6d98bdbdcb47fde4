import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CASE, demoGroundTruth } from '../../electron/services/demo/demo-case.ts';
import { signedIn } from '../support/import.ts';
import type { TempBackend } from '../support/temp-backend.ts';
import { expectOk, tempBackend } from '../support/temp-backend.ts';

describe('Load demo case', () => {
  let b: TempBackend;
  afterEach(async () => b.dispose());

  it('opens the demo case that is already there instead of making an empty duplicate', async () => {
    b = tempBackend();
    await signedIn(b);
    const mrn = (await demoGroundTruth()).patient.id;
    const first = expectOk(
      await b.call('cases.create', { title: DEMO_CASE.title, patient: { mrn, name: 'DEMO^REVISION' } }),
    );
    const again = expectOk(await b.call('demo.load', {}));
    expect(again).toEqual({ caseId: first.id, importId: null });
    expect(expectOk(await b.call('cases.list', {})).filter((c) => c.title === DEMO_CASE.title)).toHaveLength(
      1,
    );
  }, 120_000);
});
