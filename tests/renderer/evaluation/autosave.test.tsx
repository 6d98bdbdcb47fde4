import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvaluationSaved } from '../../../shared/contract/evaluation-schemas.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { EvaluationValues } from '../../../shared/evaluation/index.ts';
import { SCHEMA_VERSION } from '../../../shared/evaluation/index.ts';
import type { SaveEvaluation } from '../../../renderer/evaluation/use-autosave.ts';
import { AUTOSAVE_DELAY_MS, useAutosave } from '../../../renderer/evaluation/use-autosave.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Hook = ReturnType<typeof useAutosave>;
let hook: Hook;
let root: Root;

function Probe({ save }: { save: SaveEvaluation }) {
  hook = useAutosave({ caseId: 1, version: 0, values: {}, save });
  return null;
}

const saved = (version: number): Result<EvaluationSaved> => ({
  ok: true,
  value: {
    caseId: 1,
    version,
    savedAt: '2026-01-05T10:42:00Z',
    savedBy: { name: 'Dr X', discipline: 'radiology' },
    changedFieldIds: [],
  },
});

beforeEach(() => {
  vi.useFakeTimers();
  root = createRoot(document.createElement('div'));
});
afterEach(() => {
  act(() => root.unmount());
  vi.useRealTimers();
});

async function mount(save: SaveEvaluation) {
  await act(() => Promise.resolve(root.render(<Probe save={save} />)));
}
const edit = (values: EvaluationValues) => act(() => hook.schedule(values));
const wait = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));

describe('autosave', () => {
  it('saves once after a pause in typing, with the version it started from', async () => {
    const save = vi.fn<SaveEvaluation>().mockResolvedValue(saved(1));
    await mount(save);
    edit({ 'prom.nrsBack': 7 });
    await wait(AUTOSAVE_DELAY_MS - 100);
    edit({ 'prom.nrsBack': 8 });
    expect(hook.state.kind).toBe('saving');
    await wait(AUTOSAVE_DELAY_MS - 100);
    expect(save).not.toHaveBeenCalled();
    await wait(200);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0]![0]).toEqual({
      caseId: 1,
      baseVersion: 0,
      document: { schemaVersion: SCHEMA_VERSION, values: { 'prom.nrsBack': 8 } },
    });
    expect(hook.state).toMatchObject({ kind: 'saved', by: { name: 'Dr X' } });
    expect(hook.version).toBe(1);
    edit({ 'prom.nrsBack': 9 });
    await wait(AUTOSAVE_DELAY_MS);
    expect(save.mock.calls[1]![0].baseVersion).toBe(1);
  });

  it('keeps the edit after a failure and saves it on retry', async () => {
    const save = vi
      .fn<SaveEvaluation>()
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'INTERNAL', message: 'The server is not answering.' },
      })
      .mockResolvedValueOnce(saved(1));
    await mount(save);
    edit({ 'history.surgeon': 'Dr Y' });
    await wait(AUTOSAVE_DELAY_MS);
    expect(hook.state).toMatchObject({ kind: 'error', message: 'The server is not answering.' });
    await act(() => hook.retry());
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0].document.values).toEqual({ 'history.surgeon': 'Dr Y' });
    expect(hook.state.kind).toBe('saved');
  });

  it('after a CONFLICT, rebase saves what is on screen on top of the newer version', async () => {
    const save = vi
      .fn<SaveEvaluation>()
      .mockResolvedValueOnce({
        ok: false,
        error: { code: 'CONFLICT', message: 'Dr Z saved a newer version.' },
      })
      .mockResolvedValueOnce(saved(3));
    await mount(save);
    edit({ 'history.hospital': 'City' });
    await wait(AUTOSAVE_DELAY_MS);
    expect(hook.state).toMatchObject({ kind: 'error', code: 'CONFLICT' });
    await act(() =>
      Promise.resolve(hook.rebase(2, { 'history.surgeon': 'Dr Z' }, { 'history.hospital': 'City' })),
    );
    expect(hook.savedValues()).toEqual({ 'history.hospital': 'City' });
    expect(save.mock.calls[1]![0]).toMatchObject({
      baseVersion: 2,
      document: { values: { 'history.hospital': 'City' } },
    });
    expect(hook.version).toBe(3);
  });

  it('edits made while a save is in flight are saved right after it', async () => {
    let release: (r: Result<EvaluationSaved>) => void = () => {};
    const save = vi
      .fn<SaveEvaluation>()
      .mockImplementationOnce(() => new Promise((r) => (release = r)))
      .mockResolvedValueOnce(saved(2));
    await mount(save);
    edit({ 'prom.nrsLeg': 1 });
    await wait(AUTOSAVE_DELAY_MS);
    edit({ 'prom.nrsLeg': 2 });
    await act(() => Promise.resolve(release(saved(1))));
    await wait(AUTOSAVE_DELAY_MS);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save.mock.calls[1]![0]).toMatchObject({
      baseVersion: 1,
      document: { values: { 'prom.nrsLeg': 2 } },
    });
  });
});
