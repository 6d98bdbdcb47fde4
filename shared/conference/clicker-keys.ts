/**
 * What a key does in presenter mode. Presentation clickers send PageDown/PageUp (most models),
 * the arrow keys, or Space; B and "." blank the screen (PowerPoint's convention, and what the
 * clickers' "blank" button sends); digits jump to an agenda item.
 */
export type ClickerCommand =
  | { kind: 'next' }
  | { kind: 'previous' }
  | { kind: 'first' }
  | { kind: 'last' }
  | { kind: 'blank' }
  | { kind: 'leave' }
  | { kind: 'digit'; digit: number };

const KEYS: Record<string, ClickerCommand> = {
  PageDown: { kind: 'next' },
  ArrowRight: { kind: 'next' },
  ' ': { kind: 'next' },
  PageUp: { kind: 'previous' },
  ArrowLeft: { kind: 'previous' },
  Home: { kind: 'first' },
  End: { kind: 'last' },
  b: { kind: 'blank' },
  B: { kind: 'blank' },
  '.': { kind: 'blank' },
  Escape: { kind: 'leave' },
};

export function clickerCommand(key: string): ClickerCommand | null {
  if (/^[0-9]$/.test(key)) return { kind: 'digit', digit: Number(key) };
  return KEYS[key] ?? null;
}

/**
 * Digits typed within a short pause form one agenda number ("1", "2" → item 12) when the agenda
 * has that many items; otherwise the newest digit alone. Returns the 1-based item to show, or null.
 */
export function agendaNumber(typed: string, itemCount: number): number | null {
  const whole = Number(typed);
  if (whole >= 1 && whole <= itemCount) return whole;
  const last = Number(typed.slice(-1));
  return last >= 1 && last <= itemCount ? last : null;
}
