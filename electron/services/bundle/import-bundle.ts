import type { BackendContext } from '../../backend/context.ts';
import type { ImportedCase } from './import-case-bundle.ts';
import { importCaseBundle } from './import-case-bundle.ts';
import type { MergedReply } from './merge-reply.ts';
import { mergeReply } from './merge-reply.ts';
import { openBundle } from './read-bundle.ts';

export type ImportedBundle = ImportedCase | MergedReply;

/** Any `.scrcase`: a case to review (reviewer side) or a reply to merge (sender side). */
export async function importBundle(
  ctx: BackendContext,
  bytes: Buffer,
  password: string | undefined,
  userId: number,
): Promise<ImportedBundle> {
  const bundle = await openBundle(bytes, password);
  return bundle.manifest.kind === 'case'
    ? importCaseBundle(ctx, bundle, userId)
    : mergeReply(ctx, bundle, userId);
}
