import dicomParser from 'dicom-parser';
import type { ByteStream, DataSet } from 'dicom-parser';

/** A file we could not read as DICOM, with a reason a person can act on. */
export class DicomReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DicomReadError';
  }
}

export const IMPLICIT_LE = '1.2.840.10008.1.2';
export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const EXPLICIT_BE = '1.2.840.10008.1.2.2';
export const DEFLATED_LE = '1.2.840.10008.1.2.1.99';

export interface ParsedDataset {
  dataSet: DataSet;
  transferSyntax: string;
  /** How the file was written: a proper Part 10 file, or a bare dataset as some old media carry. */
  layout: 'part10' | 'part10-guessed-encoding' | 'bare-dataset';
}

export interface ParseOptions {
  /** Stop before Pixel Data: the importer reads headers only. */
  headerOnly: boolean;
  /** Inflates raw DEFLATE data (deflated transfer syntax); Node passes zlib, the browser pako. */
  inflateRaw: (data: Uint8Array) => Uint8Array;
}

// dicom-parser exposes these at run time but its typings omit them.
interface DataSetConstructor {
  new (parser: unknown, byteArray: Uint8Array, elements: Record<string, unknown>): DataSet;
}
const DataSetClass = (dicomParser as unknown as { DataSet: DataSetConstructor }).DataSet;
const ByteStreamClass = dicomParser.ByteStream as unknown as new (
  parser: unknown,
  byteArray: Uint8Array,
  position: number,
) => ByteStream;

const VR_LETTERS = /^[A-Z]{2}$/;
const hasPreamble = (b: Uint8Array): boolean =>
  b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d;

/** Plausible first tag of a bare dataset: group 0x0002..0x0010 with a small element number. */
function bareEncoding(b: Uint8Array, at: number): { littleEndian: boolean; explicit: boolean } | null {
  if (b.length < at + 8) return null;
  const groupLE = b[at]! | (b[at + 1]! << 8);
  const groupBE = (b[at]! << 8) | b[at + 1]!;
  const vr = String.fromCharCode(b[at + 4]!, b[at + 5]!);
  const explicit = VR_LETTERS.test(vr);
  if (groupLE >= 0x0002 && groupLE <= 0x0010 && groupLE % 2 === 0) return { littleEndian: true, explicit };
  if (groupBE >= 0x0002 && groupBE <= 0x0010 && groupBE % 2 === 0 && explicit)
    return { littleEndian: false, explicit };
  return null;
}

function parseBare(
  b: Uint8Array,
  at: number,
  enc: { littleEndian: boolean; explicit: boolean },
  untilTag?: string,
): DataSet {
  const parser = enc.littleEndian
    ? dicomParser.littleEndianByteArrayParser
    : dicomParser.bigEndianByteArrayParser;
  const dataSet = new DataSetClass(parser, b, {});
  const stream = new ByteStreamClass(parser, b, at);
  const options = untilTag ? { untilTag } : undefined;
  if (enc.explicit) dicomParser.parseDicomDataSetExplicit(dataSet, stream, b.length, options);
  else dicomParser.parseDicomDataSetImplicit(dataSet, stream, b.length, options);
  return dataSet;
}

/** dicom-parser throws strings or `{ exception }` objects; turn them into a sentence. */
export function explainParseError(e: unknown, size: number): string {
  const text =
    typeof e === 'string'
      ? e
      : e instanceof Error
        ? e.message
        : String((e as { exception?: unknown })?.exception ?? e);
  if (
    /buffer overrun|maxP ?osition|beyond|past the end|outside the bounds|out of bounds|cannot be greater/i.test(
      text,
    )
  )
    return `truncated or damaged: an element's length runs past the end of the file (${size} bytes)`;
  return `unreadable DICOM header (${text.replace(/^dicomParser\.\w+: /, '')})`;
}

/**
 * Parses a DICOM file the way pydicom reads real-world media: Part 10 files, files without the
 * 128-byte preamble or file meta (implicit VR little endian assumed, or explicit when VRs are
 * present), files whose meta lacks the transfer syntax, deflated and big-endian files.
 * Returns null for files that are not DICOM at all; throws DicomReadError for broken DICOM.
 */
export function parseDataset(bytes: Uint8Array, options: ParseOptions): ParsedDataset | null {
  const untilTag = options.headerOnly ? 'x7fe00010' : undefined;
  try {
    if (hasPreamble(bytes)) {
      try {
        const dataSet = dicomParser.parseDicom(bytes, {
          ...(untilTag ? { untilTag } : {}),
          inflater: (array: Uint8Array, position: number) => {
            const inflated = options.inflateRaw(array.subarray(position));
            const whole = new Uint8Array(position + inflated.length);
            whole.set(array.subarray(0, position));
            whole.set(inflated, position);
            return whole;
          },
        });
        return { dataSet, transferSyntax: dataSet.string('x00020010') ?? IMPLICIT_LE, layout: 'part10' };
      } catch (e) {
        // Like pydicom: a meta without transfer syntax, or a dataset not encoded as its meta says
        // (explicit declared, implicit written), is read by looking at the dataset itself.
        const guessed = guessAfterMeta(bytes, untilTag);
        if (guessed) return guessed;
        throw e;
      }
    }
    const enc = bareEncoding(bytes, 0);
    if (!enc) return null;
    const dataSet = parseBare(bytes, 0, enc, untilTag);
    const declared = dataSet.string('x00020010');
    const transferSyntax =
      declared ?? (enc.explicit ? (enc.littleEndian ? EXPLICIT_LE : EXPLICIT_BE) : IMPLICIT_LE);
    return { dataSet, transferSyntax, layout: 'bare-dataset' };
  } catch (e) {
    if (e instanceof DicomReadError) throw e;
    throw new DicomReadError(explainParseError(e, bytes.length));
  }
}

/** Reads the meta group, then the dataset in the encoding its first element shows; null if that fails too. */
function guessAfterMeta(bytes: Uint8Array, untilTag: string | undefined): ParsedDataset | null {
  const meta = new DataSetClass(dicomParser.littleEndianByteArrayParser, bytes, {});
  const stream = new ByteStreamClass(dicomParser.littleEndianByteArrayParser, bytes, 132);
  while (stream.position < bytes.length - 6) {
    const group = bytes[stream.position]! | (bytes[stream.position + 1]! << 8);
    if (group !== 0x0002) break;
    const element = dicomParser.readDicomElementExplicit(stream, []);
    meta.elements[element.tag] = element;
  }
  const enc = bareEncoding(bytes, stream.position);
  if (!enc) return null;
  let dataSet: DataSet;
  try {
    dataSet = parseBare(bytes, stream.position, enc, untilTag);
  } catch {
    return null;
  }
  for (const [tag, element] of Object.entries(meta.elements)) dataSet.elements[tag] = element;
  // The pixel data keeps the declared syntax (a JPEG stream stays JPEG whatever the header's VR mode).
  const declared = dataSet.string('x00020010');
  const transferSyntax =
    declared ?? (enc.explicit ? (enc.littleEndian ? EXPLICIT_LE : EXPLICIT_BE) : IMPLICIT_LE);
  return { dataSet, transferSyntax, layout: 'part10-guessed-encoding' };
}
