import { createHash } from 'node:crypto';

/**
 * Deterministic DICOM UIDs: a name-based (version 5, SHA-1) UUID of the seed and a path such as
 * "study/CT", written under the 2.25 root as its decimal value (ITU-T X.667 / DICOM PS3.5 B.2).
 * Same seed and name → same UID; different seeds never collide in practice.
 */
const NAMESPACE = 'spine-case-review/phantom';

export function phantomUid(seed: number, ...path: Array<string | number>): string {
  const digest = createHash('sha1')
    .update(`${NAMESPACE}/${seed}/${path.join('/')}`)
    .digest();
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  return `2.25.${BigInt(`0x${bytes.toString('hex')}`).toString(10)}`;
}

/** Identifies the software that wrote the files (File Meta Implementation Class UID). */
export const IMPLEMENTATION_CLASS_UID = phantomUid(0, 'implementation-class', 1);
export const IMPLEMENTATION_VERSION_NAME = 'SCR_PHANTOM_1';
