import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Resolves once `condition` holds, checking again after each turn of the event loop: tests wait on
 * the state they need, never on a fixed delay. Vitest's own test timeout bounds a condition that never comes.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await nextTurn();
}
