import { createRequire } from 'node:module';

/** What the cornerstone emscripten decoders (OpenJPEG, CharLS, libjpeg-turbo) expose. */
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
  /** Frees the C++ object (embind objects are not garbage collected). */
  delete(): void;
}

export type WasmCodecModule = Record<string, new () => WasmDecoder>;

interface EmscriptenOptions {
  locateFile: (file: string) => string;
  print: (line: string) => void;
  printErr: (line: string) => void;
}
type EmscriptenFactory = (options: EmscriptenOptions) => Promise<WasmCodecModule>;

export interface LoadedCodec {
  module: WasmCodecModule;
  /** The codec's recent diagnostics (OpenJPEG reports errors only as log lines), newest last. */
  messages: string[];
}

// The packages ship CommonJS emscripten glue that finds its .wasm next to itself via __dirname.
// Loading it with require (not bundled) and pointing locateFile at the resolved .wasm works from
// sources (Vitest), from the esbuild CLI bundle, and from a packaged app's node_modules.
const requireFromHere = createRequire(import.meta.url);
const modules = new Map<string, Promise<LoadedCodec>>();
const MAX_MESSAGES = 20;

/**
 * Compiles a codec package's decoder wasm once per process; later calls share the instance. The
 * codec's console output is captured rather than printed, so `--json` output stays clean.
 */
export function loadWasmCodec(pkg: string): Promise<LoadedCodec> {
  let loaded = modules.get(pkg);
  if (!loaded) {
    const factory = requireFromHere(`${pkg}/decodewasmjs`) as EmscriptenFactory;
    const wasm = requireFromHere.resolve(`${pkg}/decodewasm`);
    const messages: string[] = [];
    const keep = (line: string): void => {
      messages.push(line.trim());
      if (messages.length > MAX_MESSAGES) messages.shift();
    };
    loaded = factory({ locateFile: () => wasm, print: keep, printErr: keep }).then((module) => ({
      module,
      messages,
    }));
    // A failed load is not cached, so a later call can retry.
    loaded.catch(() => modules.delete(pkg));
    modules.set(pkg, loaded);
  }
  return loaded;
}
