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
export function burnedInReason(dict: DcmDataset): string | null {
  if (textOf(dict['00280301'])?.trim().toUpperCase() === 'YES') return 'Burned In Annotation is YES';
  const modality = textOf(dict['00080060'])?.trim().toUpperCase() ?? '';
  if (TEXT_PRONE_MODALITIES.has(modality)) return `modality ${modality} often has text burned in`;
  const sopClass = textOf(dict['00080016'])?.trim() ?? '';
  if (sopClass === SECONDARY_CAPTURE_ROOT || sopClass.startsWith(`${SECONDARY_CAPTURE_ROOT}.`))
    return 'secondary capture image';
  return null;
}
