import type { Tool } from './viewport/viewport-controller.ts';
import type { ViewCommand } from './ViewerToolbar.tsx';

/** What a key asks the viewer to do (the keyboard map, as data). */
export type KeyCommand =
  | { kind: 'scroll'; by: number }
  | { kind: 'page'; direction: 1 | -1 }
  | { kind: 'jump'; to: 'first' | 'last' }
  | { kind: 'tool'; tool: Tool }
  | { kind: 'view'; command: ViewCommand }
  | { kind: 'preset'; index: number }
  | { kind: 'cine' }
  | { kind: 'cycleLayout' }
  | { kind: 'maximize' }
  | { kind: 'cycleActive'; step: 1 | -1 }
  | { kind: 'toggle'; what: 'sync' | 'referenceLines' | 'showPatient' }
  | { kind: 'toggleSeries' }
  | { kind: 'keyImage' }
  | { kind: 'help' }
  | { kind: 'escape' };

// Arrows, Page Up/Down and Home/End are what presentation clickers send; digits choose window
// presets as in most PACS viewers (OHIF: 1 soft tissue, 2 lung …, here in the order shown).
const KEYS: Record<string, KeyCommand> = {
  ArrowUp: { kind: 'scroll', by: -1 },
  ArrowLeft: { kind: 'scroll', by: -1 },
  ArrowDown: { kind: 'scroll', by: 1 },
  ArrowRight: { kind: 'scroll', by: 1 },
  PageUp: { kind: 'page', direction: -1 },
  PageDown: { kind: 'page', direction: 1 },
  Home: { kind: 'jump', to: 'first' },
  End: { kind: 'jump', to: 'last' },
  w: { kind: 'tool', tool: 'window' },
  p: { kind: 'tool', tool: 'pan' },
  z: { kind: 'tool', tool: 'zoom' },
  s: { kind: 'tool', tool: 'scroll' },
  f: { kind: 'view', command: 'fit' },
  o: { kind: 'view', command: 'actual' },
  i: { kind: 'view', command: 'invert' },
  r: { kind: 'view', command: 'rotate' },
  h: { kind: 'view', command: 'flipH' },
  v: { kind: 'view', command: 'flipV' },
  '0': { kind: 'view', command: 'reset' },
  c: { kind: 'cine' },
  l: { kind: 'cycleLayout' },
  m: { kind: 'maximize' },
  '[': { kind: 'cycleActive', step: -1 },
  ']': { kind: 'cycleActive', step: 1 },
  y: { kind: 'toggle', what: 'sync' },
  x: { kind: 'toggle', what: 'referenceLines' },
  t: { kind: 'toggle', what: 'showPatient' },
  b: { kind: 'toggleSeries' },
  k: { kind: 'keyImage' },
  '?': { kind: 'help' },
  Escape: { kind: 'escape' },
};

/** The command of a key (letters either case), or null for keys the viewer leaves alone. */
export function keyCommand(key: string): KeyCommand | null {
  const k = key.length === 1 ? key.toLowerCase() : key;
  if (/^[1-9]$/.test(k)) return { kind: 'preset', index: Number(k) - 1 };
  return KEYS[k] ?? null;
}

/** A Page Up/Down step: a tenth of the stack, between 1 and 10 images. */
export const pageStep = (count: number): number => Math.max(1, Math.min(10, Math.round(count / 10)));
