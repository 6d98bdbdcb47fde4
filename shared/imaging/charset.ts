/**
 * Decoding of DICOM text values by Specific Character Set (0008,0005), PS3.3 C.12.1.1.2 and
 * PS3.5 §6.1. Single-byte sets map to WHATWG encodings; ISO 2022 sets switch by escape sequence.
 */
const SINGLE_BYTE: Record<string, string> = {
  '': 'windows-1252',
  ISO_IR_6: 'windows-1252',
  ISO_IR_100: 'windows-1252',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'windows-1254',
  ISO_IR_13: 'shift_jis',
  ISO_IR_166: 'windows-874',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** ISO 2022 escape sequences (ESC ...) and the decoder for the bytes that follow them. */
const ESCAPES: [number[], string][] = [
  [[0x28, 0x42], 'windows-1252'], // ISO 2022 IR 6 (ASCII)
  [[0x2d, 0x41], 'iso-8859-1'], // IR 100
  [[0x2d, 0x42], 'iso-8859-2'],
  [[0x2d, 0x4c], 'iso-8859-5'],
  [[0x2d, 0x47], 'iso-8859-6'],
  [[0x2d, 0x46], 'iso-8859-7'],
  [[0x2d, 0x48], 'iso-8859-8'],
  [[0x2d, 0x4d], 'iso-8859-9'],
  [[0x29, 0x49], 'shift_jis'], // IR 13 katakana (G1)
  [[0x28, 0x4a], 'shift_jis'], // IR 14 romaji
  [[0x24, 0x42], 'iso-2022-jp'], // IR 87 kanji
  [[0x24, 0x28, 0x44], 'iso-2022-jp-ext'], // IR 159 supplementary kanji
  [[0x24, 0x29, 0x43], 'euc-kr'], // IR 149 Korean
  [[0x24, 0x29, 0x41], 'gb18030'], // IR 58 Chinese
];

interface Decoder {
  decode(input: Uint8Array): string;
}

const decoders = new Map<string, Decoder>();
function decoder(label: string): Decoder {
  let d = decoders.get(label);
  if (!d) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = new TextDecoder('windows-1252');
    }
    decoders.set(label, d);
  }
  return d;
}

const normalize = (term: string): string =>
  term
    .trim()
    .toUpperCase()
    .replace(/^ISO 2022 /, 'ISO_2022_')
    .replace(/ /g, '_');

/** Decodes the raw bytes of a text value (PN, LO, SH, ST, LT, UT) in the dataset's character set. */
export function decodeText(bytes: Uint8Array, specificCharacterSet: string | null): string {
  const terms = (specificCharacterSet ?? '').split('\\').map(normalize);
  const first = terms[0] ?? '';
  if (!terms.some((t) => t.startsWith('ISO_2022'))) {
    return decoder(SINGLE_BYTE[first] ?? 'windows-1252').decode(bytes);
  }
  return decodeIso2022(bytes, first.startsWith('ISO_2022_IR_13') ? 'shift_jis' : 'windows-1252');
}

function decodeIso2022(bytes: Uint8Array, initial: string): string {
  let out = '';
  let current = initial;
  let start = 0;
  const flush = (end: number): void => {
    if (end <= start) return;
    const chunk = bytes.subarray(start, end);
    out +=
      current === 'iso-2022-jp' || current === 'iso-2022-jp-ext'
        ? decodeJis(chunk)
        : decoder(current).decode(chunk);
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x1b) {
      flush(i);
      const match = ESCAPES.find(([seq]) => seq.every((s, k) => bytes[i + 1 + k] === s));
      if (match) {
        current = match[1];
        i += match[0].length;
      }
      start = i + 1;
    }
  }
  flush(bytes.length);
  return out;
}

/** JIS X 0208 two-byte codes (ESC $ B already consumed): decode by re-adding the escape. */
function decodeJis(chunk: Uint8Array): string {
  const withEscape = new Uint8Array(chunk.length + 3);
  withEscape.set([0x1b, 0x24, 0x42]);
  withEscape.set(chunk, 3);
  return decoder('iso-2022-jp').decode(withEscape);
}
