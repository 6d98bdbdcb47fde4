/**
 * Why an image could not be decoded, in words a radiologist or support engineer can act on.
 * Every failure of the decoding pipeline (bad file, truncated data, unsupported encoding, codec
 * failure) surfaces as this error, never as a bare string or number thrown by a codec.
 */
export class PixelDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PixelDecodeError';
  }
}

/** Turns whatever a codec or dicom-parser threw (strings, numbers, `{ exception }`) into text. */
export function describeThrown(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (typeof e === 'string') return e;
  if (typeof e === 'number') return `error code ${e}`;
  if (e && typeof e === 'object' && 'exception' in e) return String(e.exception);
  return String(e);
}

/** The bytes are not DICOM at all (a PDF, a viewer program, a text file): skipped, not failed, on import. */
export class NotDicomError extends PixelDecodeError {
  constructor() {
    super('This is not a DICOM file.');
    this.name = 'NotDicomError';
  }
}
