import type { EvaluationAuthor } from '../../shared/contract/evaluation-schemas.ts';
import type { ErrorCode } from '../../shared/contract/result.ts';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string; by: EvaluationAuthor }
  | { kind: 'error'; code: ErrorCode; message: string };

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export function clockTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : clock.format(d);
}

/** The line beside the form's title: never a silent state. */
export function saveStatusText(
  state: SaveState,
  lastSaved: { at: string; by: EvaluationAuthor } | null,
): string {
  switch (state.kind) {
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${state.message}`;
    case 'saved':
      return `Saved · ${clockTime(state.at)} by ${state.by.name}`;
    case 'idle':
      return lastSaved ? `Saved · ${clockTime(lastSaved.at)} by ${lastSaved.by.name}` : 'Nothing entered yet';
  }
}
