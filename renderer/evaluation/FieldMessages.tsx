import type { ValidationMessage } from '../../shared/evaluation/index.ts';

/** The form's own checks, shown under the field; the entered value stays as typed. */
export function FieldMessages({ id, messages }: { id: string; messages: readonly ValidationMessage[] }) {
  if (!messages.length) return null;
  return (
    <ul id={id} className="ev-messages">
      {messages.map((m, i) => (
        <li key={i} className={m.severity === 'error' ? 'field-error' : 'warn-text'}>
          {m.severity === 'warning' ? 'Check: ' : ''}
          {m.message}
        </li>
      ))}
    </ul>
  );
}

/** Messages located at one cell of a grid or list ([row, side], [level, column], [index, field]). */
export const messagesAt = (
  messages: readonly ValidationMessage[],
  ...path: (string | number)[]
): ValidationMessage[] => messages.filter((m) => path.every((p, i) => m.path[i] === p));
