import type { DataSet } from 'dicom-parser';
import type { DcmDataset } from './dcmjs-io.ts';
import { textOf } from './dcmjs-io.ts';

/** Modalities that usually carry text in the pixels: ultrasound, secondary capture, other. */
const TEXT_PRONE_MODALITIES = new Set(['US', 'SC', 'OT']);
/** Secondary Capture Image Storage and its multi-frame variants (PS3.4 B.5). */
const SECONDARY_CAPTURE_ROOT = '1.2.840.10008.5.1.4.1.1.7';

/**
 * Why an image may show identifying text in its pixels (which de-identification of the header
 * cannot remove), or null. Such images are exported only after the sender confirms they checked.
 */
export function burnedInReason(burnedIn: string, modality: string, sopClass: string): string | null {
  if (burnedIn.trim().toUpperCase() === 'YES') return 'Burned In Annotation is YES';
  const m = modality.trim().toUpperCase();
  if (TEXT_PRONE_MODALITIES.has(m)) return `modality ${m} often has text burned in`;
  const c = sopClass.trim();
  if (c === SECONDARY_CAPTURE_ROOT || c.startsWith(`${SECONDARY_CAPTURE_ROOT}.`))
    return 'secondary capture image';
  return null;
}

export const burnedInFromDataset = (dict: DcmDataset): string | null =>
  burnedInReason(
    textOf(dict['00280301']) ?? '',
    textOf(dict['00080060']) ?? '',
    textOf(dict['00080016']) ?? '',
  );

export const burnedInFromHeader = (ds: DataSet): string | null =>
  burnedInReason(ds.string('x00280301') ?? '', ds.string('x00080060') ?? '', ds.string('x00080016') ?? '');
