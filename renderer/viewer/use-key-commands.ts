import type { Dispatch } from 'react';
import type { WindowPresetOption } from '../../shared/viewer/window-level.ts';
import { useViewerKeys } from './use-viewer-keys.ts';
import type { KeyCommand } from './viewer-keys.ts';
import { keyCommand, pageStep } from './viewer-keys.ts';
import type { ViewerAction, ViewerState } from './viewer-state.ts';
import type { ViewCommand } from './ViewerToolbar.tsx';
import type { ViewportController } from './viewport/viewport-controller.ts';

export interface KeyTargets {
  state: ViewerState;
  dispatch: Dispatch<ViewerAction>;
  active: () => ViewportController | undefined;
  presets: WindowPresetOption[];
  command: (c: ViewCommand) => void;
  toggleCine: () => void;
  stopCine: () => void;
  toggleSeries: () => void;
  saveKeyImage: () => void;
  showHelp: () => void;
}

/** The viewer's keyboard map applied to the page: each key command runs one viewer action. */
export function useKeyCommands(t: KeyTargets): void {
  const run = (cmd: KeyCommand): boolean => {
    const v = t.active();
    switch (cmd.kind) {
      case 'scroll':
        void v?.scrollBy(cmd.by);
        return true;
      case 'page':
        void v?.scrollBy(cmd.direction * pageStep(v.count));
        return true;
      case 'jump':
        void v?.scrollTo(cmd.to === 'first' ? 0 : v.count - 1);
        return true;
      case 'tool':
        t.dispatch({ type: 'tool', tool: cmd.tool });
        return true;
      case 'view':
        t.command(cmd.command);
        return true;
      case 'preset': {
        const preset = t.presets[cmd.index];
        if (preset) v?.setVoi(preset);
        return !!preset;
      }
      case 'cine':
        t.toggleCine();
        return true;
      case 'cycleLayout':
        t.dispatch({ type: 'cycleLayout' });
        return true;
      case 'maximize':
        t.dispatch({ type: 'maximize', cell: t.state.active });
        return true;
      case 'cycleActive':
        t.dispatch({ type: 'cycleActive', step: cmd.step });
        return true;
      case 'toggle':
        t.dispatch({ type: 'toggle', what: cmd.what });
        return true;
      case 'toggleSeries':
        t.toggleSeries();
        return true;
      case 'keyImage':
        t.saveKeyImage();
        return true;
      case 'help':
        t.showHelp();
        return true;
      case 'escape':
        if (t.state.maximized !== null) t.dispatch({ type: 'maximize', cell: null });
        t.stopCine();
        return true;
    }
  };
  useViewerKeys((e) => {
    const cmd = keyCommand(e.key);
    return cmd ? run(cmd) : false;
  });
}
