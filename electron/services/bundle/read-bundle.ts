import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { BundleManifest } from '../../../shared/second-opinion/bundle-documents.ts';
import { decryptBundle, isEncryptedBundle } from './bundle-crypto.ts';
import { bundleError } from './bundle-error.ts';
import { readBundleZip } from './bundle-zip.ts';

export interface OpenedBundle {
  manifest: BundleManifest;
  files: Map<string, Buffer>;
}

/** Decrypts (if protected) and verifies a bundle in memory; nothing touches disk or database. */
export async function openBundle(bytes: Buffer, password: string | undefined): Promise<OpenedBundle> {
  if (isEncryptedBundle(bytes)) {
    if (!password) throw bundleError('This bundle is password-protected. Give its password to import it.');
    return readBundleZip(await decryptBundle(bytes, password));
  }
  return readBundleZip(bytes);
}

/** One JSON document of the bundle, validated; its SHA-256 identifies it (replies are merged once). */
export function bundleDocument<S extends z.ZodType>(
  bundle: OpenedBundle,
  path: string,
  schema: S,
): { doc: z.output<S>; sha256: string } {
  const raw = bundle.files.get(path);
  if (!raw) throw bundleError(`The bundle has no ${path}.`);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw bundleError(`${path} in the bundle is not valid JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw bundleError(
      `${path} in the bundle is not what this version expects: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  return { doc: parsed.data, sha256: createHash('sha256').update(raw).digest('hex') };
}
