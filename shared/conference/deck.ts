/** One screen of presenter mode. `item` is the 0-based agenda position. */
export type Slide =
  | { kind: 'title' }
  | { kind: 'summary'; item: number }
  | { kind: 'keyImage'; item: number; index: number }
  | { kind: 'viewer'; item: number };

/** The title slide, then per case: its summary, each key image, then the live viewer. */
export function buildDeck(items: readonly { keyImageCount: number }[]): Slide[] {
  return [
    { kind: 'title' },
    ...items.flatMap((it, item): Slide[] => [
      { kind: 'summary', item },
      ...Array.from({ length: it.keyImageCount }, (_, index): Slide => ({ kind: 'keyImage', item, index })),
      { kind: 'viewer', item },
    ]),
  ];
}

/** Index of an agenda item's first slide (its summary), or -1. */
export const firstSlideOf = (deck: readonly Slide[], item: number): number =>
  deck.findIndex((s) => s.kind === 'summary' && s.item === item);
