import type { CodecImage, CodecSamples } from '../../../shared/dicom/codecs.ts';
import { loadWasmCodec } from './wasm-module.ts';

function samples(bytes: Uint8Array, bits: number, signed: boolean): CodecSamples {
  const copy = bytes.slice();
  if (bits <= 8) return signed ? new Int8Array(copy.buffer) : copy;
  const count = copy.length >> 1;
  return signed ? new Int16Array(copy.buffer, 0, count) : new Uint16Array(copy.buffer, 0, count);
}

/** The codec's own words for a failure: its last error line, else what it threw. */
function codecError(thrown: unknown, messages: string[]): string {
  const error = messages.find((m) => /error/i.test(m));
  const what =
    typeof thrown === 'number'
      ? `error code ${thrown}`
      : thrown instanceof Error
        ? thrown.message
        : String(thrown);
  return error ? error.replace(/^\[ERROR\]\s*/, '') : what;
}

/** Runs one decode with a fresh decoder object of `className` from `pkg`, freeing it afterwards. */
export async function runWasmDecoder(pkg: string, className: string, bytes: Uint8Array): Promise<CodecImage> {
  const { module, messages } = await loadWasmCodec(pkg);
  const Decoder = module[className];
  if (!Decoder) throw new Error(`${pkg} has no ${className}`);
  messages.length = 0;
  const decoder = new Decoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    try {
      decoder.decode();
    } catch (e) {
      throw new Error(codecError(e, messages));
    }
    const info = decoder.getFrameInfo();
    // OpenJPEG reports a failed decode only through its log and an empty frame.
    if (!info.width || !info.height) throw new Error(codecError('no image decoded', messages));
    return {
      width: info.width,
      height: info.height,
      components: info.componentCount,
      bitsPerSample: info.bitsPerSample,
      signed: info.isSigned,
      pixels: samples(decoder.getDecodedBuffer(), info.bitsPerSample, info.isSigned),
    };
  } finally {
    decoder.delete();
  }
}
