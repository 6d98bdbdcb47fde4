import type { ImportProgress } from '../../shared/imaging/import-progress.ts';
import type { TempBackend } from './temp-backend.ts';
import { expectOk } from './temp-backend.ts';

/** Runs an import through the backend API, as a window would, and waits for its end. */
export async function importPaths(b: TempBackend, paths: string[], caseId?: number): Promise<ImportProgress> {
  const { importId } = expectOk(await b.call('imports.start', { paths, ...(caseId ? { caseId } : {}) }));
  await b.ctx.imports.wait(importId);
  return expectOk(await b.call('imports.status', { importId }));
}

export async function signedIn(b: TempBackend): Promise<void> {
  expectOk(await b.call('session.signIn', { name: 'Dr. Import Test', discipline: 'radiology' }));
}
