import { randomUUID } from 'node:crypto';
import { APP_VERSION } from '../../version.ts';

/**
 * A new DICOM UID under the 2.25 root: the decimal value of a random UUID (ITU-T X.667,
 * PS3.5 B.2), so no registered organisation root is needed and collisions are not a concern.
 */
export function newUid(): string {
  return `2.25.${BigInt(`0x${randomUUID().replaceAll('-', '')}`).toString(10)}`;
}

/** Identifies this software in the file meta of the objects it writes or receives (PS3.7 D.3.3.2). */
export const IMPLEMENTATION_CLASS_UID = '2.25.262840116245236135178468513127424829761';
export const IMPLEMENTATION_VERSION_NAME = `SCR_${APP_VERSION}`.slice(0, 16);
