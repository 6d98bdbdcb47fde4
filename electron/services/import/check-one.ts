import { decodeFrame } from '../../../shared/dicom/decode-frame.ts';
import { NotDicomError, PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readHeader } from '../../../shared/imaging/read-header.ts';
import { nodeCodecs } from '../codecs/node-codecs.ts';

export type CheckOutcome =
  | { kind: 'checked'; decoded: boolean }
  | { kind: 'refused'; reason: string }
  /** An exception our readers did not turn into a clear reason: a bug, whatever the input. */
  | { kind: 'crashed'; reason: string };

/**
 * Reads one file's header and decodes its first frame, storing nothing: the whole read path of an
 * import and of the viewer, for robustness checks (the parser fuzzer). Never throws.
 */
export async function checkOne(bytes: Uint8Array): Promise<CheckOutcome> {
  try {
    const parsed = parseDicom(bytes);
    const reading = readHeader(parsed);
    if (reading.kind === 'dicomdir' || !parsed.pixelData || !reading.decodable)
      return { kind: 'checked', decoded: false };
    await decodeFrame(parsed, 0, nodeCodecs);
    return { kind: 'checked', decoded: true };
  } catch (e) {
    if (e instanceof PixelDecodeError) return { kind: 'refused', reason: e.message };
    if (e instanceof NotDicomError) return { kind: 'refused', reason: 'not a DICOM file' };
    const error = e instanceof Error ? e : new Error(String(e));
    const at = (error.stack ?? '').split('\n')[1]?.trim() ?? '';
    return { kind: 'crashed', reason: `${error.name}: ${error.message} ${at}` };
  }
}
