// One rule for every test that needs a reference tool or corpus: present → run; missing outside CI →
// skip with the reason in the test's title (scripts/test.mjs prints it); missing with CI=true → fail.
import type { ReferenceToolName } from '../../scripts/reference-tools.mjs';
import { INSTALL_HINT, isCi, referenceToolMissing } from '../../scripts/reference-tools.mjs';

export type { ReferenceToolName };

export class MissingReferenceToolError extends Error {
  constructor(reason: string) {
    super(`CI=true and a reference tool is missing: ${reason}. Install it with: ${INSTALL_HINT}`);
    this.name = 'MissingReferenceToolError';
  }
}

/**
 * Null when every named tool is usable; otherwise the reason to skip. Under CI=true a missing tool
 * throws instead, so the test file fails rather than passing silently.
 */
export function toolsMissing(
  names: readonly ReferenceToolName[],
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const reasons = names.map((n) => referenceToolMissing(n, env)).filter((r): r is string => r !== null);
  if (!reasons.length) return null;
  const reason = reasons.join('; ');
  if (isCi(env)) throw new MissingReferenceToolError(reason);
  return reason;
}

/** A test or suite title that carries its skip reason, so the closing summary can name it. */
export const titled = (title: string, missing: string | null): string =>
  missing === null ? title : `${title} [skipped: ${missing}]`;

/** For a reason found while a test runs (e.g. a reference file a tool could not make): skip, or fail under CI. */
export function skipOrFail(skip: (note: string) => void, reason: string): void {
  if (isCi()) throw new MissingReferenceToolError(reason);
  skip(reason);
}
