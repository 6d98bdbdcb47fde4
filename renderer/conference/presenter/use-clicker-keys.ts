import { useEffect, useRef } from 'react';
import type { ClickerCommand } from '../../../shared/conference/clicker-keys.ts';
import { clickerCommand } from '../../../shared/conference/clicker-keys.ts';

/**
 * Clicker keys for presenter mode, taken before anything else on the page (capture phase), so the
 * live viewer's own PageUp/PageDown never see them. Keys typed into a form or a dialog are left alone.
 * `extra` handles the presenter's other single keys (D for the decision).
 */
export function useClickerKeys(
  onCommand: (cmd: ClickerCommand) => void,
  extra: (key: string) => boolean,
  enabled: boolean,
): void {
  const ref = useRef({ onCommand, extra, enabled });
  ref.current = { onCommand, extra, enabled };
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { onCommand: run, extra: other, enabled: on } = ref.current;
      if (!on || e.altKey || e.ctrlKey || e.metaKey) return;
      const t = e.target instanceof Element ? e.target : null;
      if (t?.closest('input, textarea, select, [contenteditable="true"], dialog')) return;
      const cmd = clickerCommand(e.key);
      if (cmd) run(cmd);
      else if (!other(e.key)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
