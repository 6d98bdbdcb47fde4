import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/result.ts';

/** How many handles one session keeps: far more than anyone picks, bounded all the same. */
const MAX_GRANTS = 10_000;
const HANDLE = /^source:[0-9a-f-]{36}$/;

/**
 * The desktop app imports only what the user chose in its own file dialog or dropped on its window.
 * The main process swaps each such path for an opaque handle; the renderer passes handles back to
 * `imports.start`, never a path of its own, so a compromised page cannot import (or probe) other files.
 */
export class SourceGrants {
  private readonly granted = new Map<string, string>();

  grant(path: string): string {
    const handle = `source:${randomUUID()}`;
    this.granted.set(handle, path);
    if (this.granted.size > MAX_GRANTS) this.granted.delete(this.granted.keys().next().value!);
    return handle;
  }

  /** The paths behind `handles`; anything that is not a handle this session issued is refused. */
  redeem(handles: readonly string[]): string[] {
    return handles.map((handle) => {
      const path = HANDLE.test(handle) ? this.granted.get(handle) : undefined;
      if (path === undefined)
        throw new AppError(
          'FORBIDDEN',
          'Import refused: choose the files with Import, or drop them on the window.',
        );
      return path;
    });
  }
}
