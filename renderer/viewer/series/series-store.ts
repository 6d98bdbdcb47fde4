import type { ViewerSeries } from '../../../shared/viewer/viewer-types.ts';
import { callOrThrow } from '../../api.ts';
import type { Stack } from './stack.ts';
import { buildStack } from './stack.ts';

const stacks = new Map<number, Promise<Stack>>();

/** A series' sorted stack, fetched once per page (the index does not change while viewing). */
export function loadStack(series: ViewerSeries): Promise<Stack> {
  let stack = stacks.get(series.seriesId);
  if (!stack) {
    stack = callOrThrow('viewer.seriesInstances', { seriesId: series.seriesId }).then((g) =>
      buildStack(series, g),
    );
    stack.catch(() => stacks.delete(series.seriesId));
    stacks.set(series.seriesId, stack);
  }
  return stack;
}

export function forgetStacks(): void {
  stacks.clear();
}
