/** How the Pixel Data of a transfer syntax is encoded, and which decoder handles it (PS3.5 §10, Annex A). */
export type PixelEncoding =
  | 'native'
  | 'rle'
  | 'jpeg-baseline'
  | 'jpeg-extended'
  | 'jpeg-lossless'
  | 'jpeg-ls'
  | 'jpeg-2000'
  | 'unsupported';

export interface TransferSyntax {
  uid: string;
  name: string;
  /** Pixel Data is a sequence of fragments (PS3.5 A.4) rather than a plain byte string. */
  encapsulated: boolean;
  /** The encoding may discard information: the viewer must say so (PS3.3 C.7.6.1.1.5). */
  lossy: boolean;
  littleEndian: boolean;
  explicitVr: boolean;
  deflated: boolean;
  encoding: PixelEncoding;
  /** This pipeline can decode it. */
  supported: boolean;
}

type Row = [uid: string, name: string, encoding: PixelEncoding, lossy: boolean];

const ROWS: Row[] = [
  ['1.2.840.10008.1.2', 'Implicit VR Little Endian', 'native', false],
  ['1.2.840.10008.1.2.1', 'Explicit VR Little Endian', 'native', false],
  ['1.2.840.10008.1.2.1.99', 'Deflated Explicit VR Little Endian', 'native', false],
  ['1.2.840.10008.1.2.2', 'Explicit VR Big Endian (retired)', 'native', false],
  ['1.2.840.10008.1.2.5', 'RLE Lossless', 'rle', false],
  ['1.2.840.10008.1.2.4.50', 'JPEG Baseline (Process 1)', 'jpeg-baseline', true],
  ['1.2.840.10008.1.2.4.51', 'JPEG Extended (Process 2 & 4)', 'jpeg-extended', true],
  ['1.2.840.10008.1.2.4.57', 'JPEG Lossless, Non-Hierarchical (Process 14)', 'jpeg-lossless', false],
  [
    '1.2.840.10008.1.2.4.70',
    'JPEG Lossless, Non-Hierarchical, First-Order Prediction (SV1)',
    'jpeg-lossless',
    false,
  ],
  ['1.2.840.10008.1.2.4.80', 'JPEG-LS Lossless', 'jpeg-ls', false],
  ['1.2.840.10008.1.2.4.81', 'JPEG-LS Lossy (Near-Lossless)', 'jpeg-ls', true],
  ['1.2.840.10008.1.2.4.90', 'JPEG 2000 (Lossless Only)', 'jpeg-2000', false],
  ['1.2.840.10008.1.2.4.91', 'JPEG 2000', 'jpeg-2000', true],
  // Known but not decoded here: named so the user sees what the file is.
  ['1.2.840.10008.1.2.4.52', 'JPEG Extended (Process 3 & 5) (retired)', 'unsupported', true],
  ['1.2.840.10008.1.2.4.53', 'JPEG Spectral Selection, Non-Hierarchical (retired)', 'unsupported', true],
  ['1.2.840.10008.1.2.4.55', 'JPEG Full Progression, Non-Hierarchical (retired)', 'unsupported', true],
  ['1.2.840.10008.1.2.4.92', 'JPEG 2000 Part 2 Multi-component (Lossless Only)', 'unsupported', false],
  ['1.2.840.10008.1.2.4.93', 'JPEG 2000 Part 2 Multi-component', 'unsupported', true],
  ['1.2.840.10008.1.2.4.94', 'JPIP Referenced', 'unsupported', true],
  ['1.2.840.10008.1.2.4.95', 'JPIP Referenced Deflate', 'unsupported', true],
  ['1.2.840.10008.1.2.4.100', 'MPEG2 Main Profile / Main Level', 'unsupported', true],
  ['1.2.840.10008.1.2.4.101', 'MPEG2 Main Profile / High Level', 'unsupported', true],
  ['1.2.840.10008.1.2.4.102', 'MPEG-4 AVC/H.264 High Profile / Level 4.1', 'unsupported', true],
  ['1.2.840.10008.1.2.4.103', 'MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1', 'unsupported', true],
  ['1.2.840.10008.1.2.4.104', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video', 'unsupported', true],
  ['1.2.840.10008.1.2.4.105', 'MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video', 'unsupported', true],
  ['1.2.840.10008.1.2.4.106', 'MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2', 'unsupported', true],
  ['1.2.840.10008.1.2.4.107', 'HEVC/H.265 Main Profile / Level 5.1', 'unsupported', true],
  ['1.2.840.10008.1.2.4.108', 'HEVC/H.265 Main 10 Profile / Level 5.1', 'unsupported', true],
  ['1.2.840.10008.1.2.4.110', 'JPEG XL Lossless', 'unsupported', false],
  ['1.2.840.10008.1.2.4.111', 'JPEG XL JPEG Recompression', 'unsupported', true],
  ['1.2.840.10008.1.2.4.112', 'JPEG XL', 'unsupported', true],
  ['1.2.840.10008.1.2.4.201', 'High-Throughput JPEG 2000 (Lossless Only)', 'unsupported', false],
  [
    '1.2.840.10008.1.2.4.202',
    'High-Throughput JPEG 2000 with RPCL Options (Lossless Only)',
    'unsupported',
    false,
  ],
  ['1.2.840.10008.1.2.4.203', 'High-Throughput JPEG 2000', 'unsupported', true],
];

export const IMPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2';
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
export const EXPLICIT_VR_BIG_ENDIAN = '1.2.840.10008.1.2.2';
export const DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1.99';

export const TRANSFER_SYNTAXES: ReadonlyMap<string, TransferSyntax> = new Map(
  ROWS.map(([uid, name, encoding, lossy]) => [
    uid,
    {
      uid,
      name,
      encoding,
      lossy,
      encapsulated: encoding !== 'native',
      littleEndian: uid !== EXPLICIT_VR_BIG_ENDIAN,
      explicitVr: uid !== IMPLICIT_VR_LITTLE_ENDIAN,
      deflated: uid === DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN || uid === '1.2.840.10008.1.2.4.95',
      supported: encoding !== 'unsupported',
    },
  ]),
);

/**
 * The transfer syntax for a UID. An unknown UID is reported as unsupported, encapsulated and
 * explicit little endian: the only safe reading of a private or future syntax (PS3.5 §10.1).
 */
export function transferSyntax(uid: string): TransferSyntax {
  const clean = uid.replace(/[\0 ]+$/, '').trim();
  return (
    TRANSFER_SYNTAXES.get(clean) ?? {
      uid: clean,
      name: `unknown transfer syntax ${clean}`,
      encoding: 'unsupported',
      lossy: false,
      encapsulated: true,
      littleEndian: true,
      explicitVr: true,
      deflated: false,
      supported: false,
    }
  );
}
