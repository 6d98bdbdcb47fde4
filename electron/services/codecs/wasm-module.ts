import { createRequire } from 'node:module';
import { emscriptenOptions } from '../../../shared/dicom/wasm-codecs.ts';
import type { LoadedWasmCodec, WasmCodecModule, WasmCodecName } from '../../../shared/dicom/wasm-codecs.ts';

type EmscriptenFactory = (options: ReturnType<typeof emscriptenOptions>) => Promise<WasmCodecModule>;

// The packages ship CommonJS emscripten glue that finds its .wasm next to itself via __dirname.
// Loading it with require at run time (esbuild leaves this require alone) and pointing locateFile
// at the resolved .wasm works from sources (Vitest), the CLI bundle and a packaged node_modules.
const requireFromHere = createRequire(import.meta.url);
const loaded = new Map<WasmCodecName, Promise<LoadedWasmCodec>>();

/** Compiles a codec's decoder wasm once per process; later calls share it. */
export function loadNodeWasmCodec(name: WasmCodecName): Promise<LoadedWasmCodec> {
  let codec = loaded.get(name);
  if (!codec) {
    const pkg = `@cornerstonejs/codec-${name}`;
    const factory = requireFromHere(`${pkg}/decodewasmjs`) as EmscriptenFactory;
    const messages: string[] = [];
    codec = factory(emscriptenOptions(requireFromHere.resolve(`${pkg}/decodewasm`), messages)).then(
      (module) => ({
        module,
        messages,
      }),
    );
    // A failed load is not cached, so a later call can retry.
    codec.catch(() => loaded.delete(name));
    loaded.set(name, codec);
  }
  return codec;
}
