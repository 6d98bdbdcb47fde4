import { useRef, useState } from 'react';
import type { ClickerCommand } from '../../../shared/conference/clicker-keys.ts';
import { agendaNumber } from '../../../shared/conference/clicker-keys.ts';
import type { Slide } from '../../../shared/conference/deck.ts';
import { firstSlideOf } from '../../../shared/conference/deck.ts';

/** Digits typed within this pause form one agenda number ("1" then "2" → case 12). */
const DIGIT_PAUSE_MS = 900;

export interface SlideNavigation {
  index: number;
  blank: boolean;
  /** Runs a clicker command; returns true when it asks to leave presenter mode. */
  run: (cmd: ClickerCommand) => boolean;
}

/** Where presenter mode is in the deck, and what each clicker key does to that. */
export function useSlideNavigation(deck: readonly Slide[], itemCount: number): SlideNavigation {
  const [index, setIndex] = useState(0);
  const [blank, setBlank] = useState(false);
  const typed = useRef({ digits: '', at: 0 });
  const go = (to: number): void => setIndex(Math.max(0, Math.min(deck.length - 1, to)));
  const run = (cmd: ClickerCommand): boolean => {
    if (cmd.kind === 'leave') return true;
    if (cmd.kind === 'blank') {
      setBlank((b) => !b);
      return false;
    }
    // Any other key brings the picture back first, as presentation software does.
    if (blank) {
      setBlank(false);
      return false;
    }
    if (cmd.kind === 'next') go(index + 1);
    else if (cmd.kind === 'previous') go(index - 1);
    else if (cmd.kind === 'first') go(0);
    else if (cmd.kind === 'last') go(deck.length - 1);
    else {
      const now = performance.now();
      const digits =
        now - typed.current.at < DIGIT_PAUSE_MS ? typed.current.digits + cmd.digit : `${cmd.digit}`;
      typed.current = { digits, at: now };
      const n = agendaNumber(digits, itemCount);
      if (n !== null) go(firstSlideOf(deck, n - 1));
    }
    return false;
  };
  return { index: Math.min(index, Math.max(0, deck.length - 1)), blank, run };
}
