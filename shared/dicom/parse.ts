import dicomParser from 'dicom-parser';
import type { ByteArrayParser, ByteStream, DataSet } from 'dicom-parser';
import { NotDicomError, PixelDecodeError, describeThrown } from './errors.ts';
import { inflateRawBounded } from './bounded-inflate.ts';
import { readPixelDataElement } from './pixel-data-element.ts';
import { SequenceTooDeepError, assertSequenceDepth } from './sequence-depth.ts';
import type { PixelDataElement } from './pixel-data-element.ts';
import {
  EXPLICIT_VR_BIG_ENDIAN,
  EXPLICIT_VR_LITTLE_ENDIAN,
  IMPLICIT_VR_LITTLE_ENDIAN,
  transferSyntax,
} from './transfer-syntaxes.ts';
import type { TransferSyntax } from './transfer-syntaxes.ts';

/** Inflated bytes read before the pixel module is known: any real header fits many times over. */
const DEFLATE_HEADER_PROBE = 4 * 1024 * 1024;
/** Allowed beyond what Rows × Columns × Samples × Frames × Bits justify: trailing elements, padding. */
const DEFLATE_HEADROOM = 1024 * 1024;
/**
 * Deflated Explicit VR Little Endian carries small objects (reports, presentation states, the odd
 * image); a header can claim any size, so inflation also stops here whatever it declares.
 */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export interface ParsedDicom {
  /** Every element before Pixel Data, and the Pixel Data element's header. */
  dataSet: DataSet;
  transferSyntax: TransferSyntax;
  /** How the file was laid out; files without preamble or file meta are read like pydicom does. */
  layout: 'part10' | 'no-preamble' | 'bare-dataset';
  pixelData: PixelDataElement | null;
  /** Departures from the standard that were tolerated (shown in a details pane, never blocking). */
  warnings: string[];
}

// dicom-parser exposes these classes at run time; its typings omit the constructors.
const DataSetClass = (
  dicomParser as unknown as {
    DataSet: new (parser: ByteArrayParser, byteArray: Uint8Array, elements: DataSet['elements']) => DataSet;
  }
).DataSet;
const ByteStreamClass = dicomParser.ByteStream as unknown as new (
  parser: ByteArrayParser,
  byteArray: Uint8Array,
  position: number,
) => ByteStream;

const PIXEL_DATA = 'x7fe00010';
const VRS = new Set(
  'AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV'.split(
    ' ',
  ),
);
const isUpper = (c: number | undefined): boolean => c !== undefined && c >= 0x41 && c <= 0x5a;
const hasPrefixAt = (b: Uint8Array, at: number): boolean =>
  b[at] === 0x44 && b[at + 1] === 0x49 && b[at + 2] === 0x43 && b[at + 3] === 0x4d;
const groupAt = (b: Uint8Array, at: number, littleEndian: boolean): number =>
  littleEndian ? b[at]! | (b[at + 1]! << 8) : (b[at]! << 8) | b[at + 1]!;

/**
 * Does a dataset start here, and how is it encoded? Null when the bytes do not look like DICOM.
 * Big endian is chosen when it reads the first group as the smaller number (0x0008, not 0x0800).
 * After a file meta any first group is accepted (private groups start some datasets).
 */
function sniffEncoding(
  b: Uint8Array,
  at: number,
  afterMeta: boolean,
): { littleEndian: boolean; explicitVr: boolean } | null {
  if (b.length < at + 8) return null;
  const explicitVr = isUpper(b[at + 4]) && isUpper(b[at + 5]);
  const le = groupAt(b, at, true);
  const be = groupAt(b, at, false);
  const littleEndian = !explicitVr || le <= be;
  if (afterMeta) return { littleEndian, explicitVr };
  // A bare dataset (no meta) must look like one: an early even group (0002–0028; real datasets start
  // with 0008) and a valid VR or a length that fits the file. Text, JSON or gzip files fail this.
  const group = littleEndian ? le : be;
  if (group % 2 !== 0 || group < 0x0002 || group > 0x0028) return null;
  if (explicitVr)
    return VRS.has(String.fromCharCode(b[at + 4]!, b[at + 5]!)) ? { littleEndian, explicitVr } : null;
  const length = (b[at + 4]! | (b[at + 5]! << 8) | (b[at + 6]! << 16) | (b[at + 7]! << 24)) >>> 0;
  return length === 0xffffffff || at + 8 + length <= b.length ? { littleEndian, explicitVr } : null;
}

function readMeta(b: Uint8Array, start: number): { meta: DataSet; end: number } {
  const parser = dicomParser.littleEndianByteArrayParser;
  const meta = new DataSetClass(parser, b, {});
  meta.warnings = [];
  const stream = new ByteStreamClass(parser, b, start);
  while (stream.position + 8 <= b.length && groupAt(b, stream.position, true) === 0x0002) {
    const element = dicomParser.readDicomElementExplicit(stream, meta.warnings);
    meta.elements[element.tag] = element;
  }
  return { meta, end: stream.position };
}

/** The warning for Pixel Data cut short by the end of the parsed bytes (`size` of them). */
export const truncatedPixelDataWarning = (size: number): string =>
  `The Pixel Data is truncated: the file ends at byte ${size}.`;

function explainParseFailure(e: unknown, size: number): string {
  if (e instanceof SequenceTooDeepError) return e.message;
  const text = describeThrown(e);
  if (
    /overrun|overread|past end|greater than or equal|maxPosition|beyond|outside the bounds|out of bounds/i.test(
      text,
    )
  )
    return `The DICOM file is truncated: it ends at byte ${size} in the middle of its header.`;
  return `The DICOM header cannot be read (${text.replace(/^dicomParser[.:]\w+: /, '')}).`;
}

function inflateOrRefuse(deflated: Uint8Array, maxOutput: number): { bytes: Uint8Array; complete: boolean } {
  try {
    return inflateRawBounded(deflated, maxOutput);
  } catch (e) {
    throw new PixelDecodeError(`The deflated dataset cannot be inflated (${describeThrown(e)}).`);
  }
}

/**
 * How many inflated bytes the header in `head` justifies: up to the Pixel Data value, plus the
 * pixels its Image Pixel module declares, plus headroom. Throws when the head holds no pixel data header.
 */
function justifiedInflatedLength(head: Uint8Array): number {
  const parser = dicomParser.littleEndianByteArrayParser;
  const ds = new DataSetClass(parser, head, {});
  ds.warnings = [];
  assertSequenceDepth(head, 0, { explicitVr: true, littleEndian: true, stopAtPixelData: true });
  try {
    const stream = new ByteStreamClass(parser, head, 0);
    dicomParser.parseDicomDataSetExplicit(ds, stream, head.length, { untilTag: PIXEL_DATA });
  } catch {
    // Falls through: no Pixel Data header within the probe.
  }
  const pixels = ds.elements[PIXEL_DATA];
  if (!pixels || pixels.dataOffset === undefined)
    throw new PixelDecodeError(
      `The deflated dataset inflates past ${DEFLATE_HEADER_PROBE} bytes without reaching its pixel data; refused (a possible deflate bomb).`,
    );
  const n = (tag: string): number => (ds.elements[tag]?.length ? (ds.uint16(tag) ?? 0) : 0);
  const frames = Math.max(1, Number.parseInt(ds.string('x00280008') ?? '1', 10) || 1);
  const samples = Math.max(1, n('x00280002'));
  const bits = n('x00280100');
  const pixelBytes = Math.ceil((n('x00280010') * n('x00280011') * samples * frames * bits) / 8);
  return pixels.dataOffset + pixelBytes + DEFLATE_HEADROOM;
}

/** Inflates a deflated dataset no further than its header justifies (a deflate bomb is refused, not allocated). */
function inflateDataset(deflated: Uint8Array): Uint8Array {
  const head = inflateOrRefuse(deflated, DEFLATE_HEADER_PROBE);
  if (head.complete) return head.bytes;
  const limit = Math.min(justifiedInflatedLength(head.bytes), MAX_INFLATED_BYTES);
  const whole = inflateOrRefuse(deflated, limit + 1);
  if (!whole.complete || whole.bytes.length > limit)
    throw new PixelDecodeError(
      `The deflated dataset inflates to more than the ${limit} bytes its header justifies; refused (a possible deflate bomb).`,
    );
  return whole.bytes;
}

/**
 * Parses a DICOM file up to and including the Pixel Data element's header, the way pydicom reads
 * real media: Part 10 files; files without the 128-byte preamble; bare datasets without file meta
 * (implicit VR little endian unless the bytes show explicit VRs); a dataset whose encoding differs
 * from the one its meta declares (written implicit, declared explicit); deflated files (`inflate`
 * inflated only as far as their header justifies); big endian. Throws PixelDecodeError for anything else.
 */
export function parseDicom(input: Uint8Array): ParsedDicom {
  // A plain view: Node's Buffer overrides slice() to share memory, which would let in-place colour
  // conversion write into the caller's file buffer.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const warnings: string[] = [];
  let layout: ParsedDicom['layout'];
  let metaStart: number | null;
  if (bytes.length >= 132 && hasPrefixAt(bytes, 128)) [layout, metaStart] = ['part10', 132];
  else if (hasPrefixAt(bytes, 0)) [layout, metaStart] = ['no-preamble', 4];
  else if (bytes.length >= 8 && groupAt(bytes, 0, true) === 0x0002 && isUpper(bytes[4]))
    [layout, metaStart] = ['no-preamble', 0];
  else [layout, metaStart] = ['bare-dataset', null];

  let declared: string | undefined;
  let datasetStart = 0;
  if (metaStart !== null) {
    try {
      assertSequenceDepth(bytes, metaStart, { explicitVr: true, littleEndian: true, metaGroupOnly: true });
      const { meta, end } = readMeta(bytes, metaStart);
      declared = meta.string('x00020010')?.replace(/\0/g, '').trim() || undefined;
      datasetStart = end;
    } catch (e) {
      throw new PixelDecodeError(explainParseFailure(e, bytes.length));
    }
  }

  let byteArray = bytes;
  if (declared && transferSyntax(declared).deflated) {
    const inflated = inflateDataset(bytes.subarray(datasetStart));
    byteArray = new Uint8Array(datasetStart + inflated.length);
    byteArray.set(bytes.subarray(0, datasetStart));
    byteArray.set(inflated, datasetStart);
  }

  const sniffed = sniffEncoding(byteArray, datasetStart, metaStart !== null);
  if (!sniffed && metaStart !== null && byteArray.length < datasetStart + 8)
    throw new PixelDecodeError(
      `The DICOM file is truncated: it ends at byte ${byteArray.length}, after its file meta information.`,
    );
  if (!sniffed) {
    if (metaStart === null) throw new NotDicomError();
    throw new PixelDecodeError(
      `The DICOM dataset after the file meta information is unreadable (byte ${datasetStart}).`,
    );
  }
  if (!declared) {
    declared = sniffed.explicitVr
      ? sniffed.littleEndian
        ? EXPLICIT_VR_LITTLE_ENDIAN
        : EXPLICIT_VR_BIG_ENDIAN
      : IMPLICIT_VR_LITTLE_ENDIAN;
    if (metaStart !== null) warnings.push(`The file meta has no Transfer Syntax UID; read as ${declared}.`);
  }
  const syntax = transferSyntax(declared);
  const littleEndian = syntax.uid === EXPLICIT_VR_BIG_ENDIAN ? false : sniffed.littleEndian;
  if (sniffed.explicitVr !== syntax.explicitVr)
    warnings.push(
      `The dataset is written with ${sniffed.explicitVr ? 'explicit' : 'implicit'} VR although its transfer syntax says otherwise.`,
    );

  const parser = littleEndian
    ? dicomParser.littleEndianByteArrayParser
    : dicomParser.bigEndianByteArrayParser;
  const dataSet = new DataSetClass(parser, byteArray, {});
  dataSet.warnings = [];
  try {
    assertSequenceDepth(byteArray, datasetStart, {
      explicitVr: sniffed.explicitVr,
      littleEndian,
      stopAtPixelData: true,
    });
    const stream = new ByteStreamClass(parser, byteArray, datasetStart);
    const options = { untilTag: PIXEL_DATA };
    if (sniffed.explicitVr) dicomParser.parseDicomDataSetExplicit(dataSet, stream, byteArray.length, options);
    else dicomParser.parseDicomDataSetImplicit(dataSet, stream, byteArray.length, options);
  } catch (e) {
    throw new PixelDecodeError(explainParseFailure(e, byteArray.length));
  }
  warnings.push(...dataSet.warnings);
  const pixelData = readPixelDataElement(dataSet, syntax, littleEndian);
  if (pixelData?.truncated) warnings.push(truncatedPixelDataWarning(byteArray.length));
  return { dataSet, transferSyntax: syntax, layout, pixelData, warnings };
}
