import { AppError } from '../../shared/contract/result.ts';
import type { BackendContext } from './context.ts';

/**
 * Which files on this computer a request may name, by who sends it; every handler that reads or
 * writes a named file asks here. The command line (in-process) names paths. The desktop window
 * passes back only the opaque handles its own file dialog or a drop issued (SourceGrants), never a
 * path of its own. A browser page names no path at all: it uploads what it reads and downloads what
 * it gets, so a page can neither read (or probe) nor write files the host can reach.
 */

/** The paths behind `names` for reading; `refusal` tells a browser page what to do instead. */
export function readablePaths(ctx: BackendContext, names: readonly string[], refusal: string): string[] {
  if (ctx.caller === 'http') throw new AppError('FORBIDDEN', refusal);
  return ctx.caller === 'ipc' ? ctx.sources.redeem(names) : [...names];
}

/** A file to write, named only on the command line; a window downloads instead. */
export function writablePath(
  ctx: BackendContext,
  outPath: string | undefined,
  refusal: string,
): { outPath?: string } {
  if (!outPath) return {};
  if (ctx.caller !== 'in-process') throw new AppError('FORBIDDEN', refusal);
  return { outPath };
}
