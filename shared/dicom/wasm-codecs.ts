import type { CodecImage, CodecSamples, Codecs } from './codecs.ts';
import { jsCodecs } from './js-codecs.ts';

// The cornerstone emscripten codecs (@cornerstonejs/codec-libjpeg-turbo-8bit, -charls, -openjpeg)
// share one decoder interface. This drives them the same way in Node and in a browser Web Worker;
// only loading the module differs (Node: require + a file path; worker: Vite `?url` + locateFile).

export interface WasmFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
}

export interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  decode(): void;
  getFrameInfo(): WasmFrameInfo;
  /** Frees the C++ object: embind objects are not garbage collected. */
  delete(): void;
}

export type WasmCodecModule = Record<string, (new () => WasmDecoder) | undefined>;

/** The three codec packages, by the name their npm package ends with. */
export type WasmCodecName = 'libjpeg-turbo-8bit' | 'charls' | 'openjpeg';

export interface LoadedWasmCodec {
  module: WasmCodecModule;
  /** The codec's recent console lines (OpenJPEG reports errors only this way), newest last. */
  messages: string[];
}

/** Loads (once) and returns a compiled codec module; the host decides how to find the .wasm. */
export type LoadWasmCodec = (name: WasmCodecName) => Promise<LoadedWasmCodec>;

const MAX_MESSAGES = 20;

/**
 * Options for an emscripten module factory that capture its console output into `messages`
 * instead of printing it (keeps `--json` output and the worker console clean).
 */
export function emscriptenOptions(wasmLocation: string, messages: string[]) {
  const keep = (line: string): void => {
    messages.push(line.trim());
    if (messages.length > MAX_MESSAGES) messages.shift();
  };
  return { locateFile: () => wasmLocation, print: keep, printErr: keep };
}

function samples(bytes: Uint8Array, bits: number, signed: boolean): CodecSamples {
  const copy = bytes.slice();
  if (bits <= 8) return signed ? new Int8Array(copy.buffer) : copy;
  const count = copy.length >> 1;
  return signed ? new Int16Array(copy.buffer, 0, count) : new Uint16Array(copy.buffer, 0, count);
}

/** The codec's own words for a failure: its first error line, else what it threw. */
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

async function run(
  load: LoadWasmCodec,
  name: WasmCodecName,
  className: string,
  bytes: Uint8Array,
): Promise<CodecImage> {
  const { module, messages } = await load(name);
  const Decoder = module[className];
  if (!Decoder) throw new Error(`the ${name} codec has no ${className}`);
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

/** All codecs: the wasm ones through `load`, plus the pure TypeScript 12-bit JPEG and lossless JPEG. */
export function createWasmCodecs(load: LoadWasmCodec): Codecs {
  return {
    ...jsCodecs,
    jpegBaseline: (bytes) => run(load, 'libjpeg-turbo-8bit', 'JPEGDecoder', bytes),
    jpegLs: (bytes) => run(load, 'charls', 'JpegLSDecoder', bytes),
    j2k: (bytes) => run(load, 'openjpeg', 'J2KDecoder', bytes),
  };
}
