import charls from '@cornerstonejs/codec-charls/decodewasmjs';
import charlsWasm from '@cornerstonejs/codec-charls/decodewasm?url';
import turbo from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs';
import turboWasm from '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url';
import openjpeg from '@cornerstonejs/codec-openjpeg/decodewasmjs';
import openjpegWasm from '@cornerstonejs/codec-openjpeg/decodewasm?url';
import type { Codecs } from '../../../shared/dicom/codecs.ts';
import type { LoadedWasmCodec, WasmCodecModule, WasmCodecName } from '../../../shared/dicom/wasm-codecs.ts';
import { createWasmCodecs, emscriptenOptions } from '../../../shared/dicom/wasm-codecs.ts';

// Each codec's emscripten glue finds its .wasm through locateFile: Vite emits the file as an
// asset and `?url` gives its address (relative to the app, so it works under app:// and http://).
const MODULES: Record<WasmCodecName, { factory: typeof charls; wasm: string }> = {
  charls: { factory: charls, wasm: charlsWasm },
  openjpeg: { factory: openjpeg, wasm: openjpegWasm },
  'libjpeg-turbo-8bit': { factory: turbo, wasm: turboWasm },
};

const loaded = new Map<WasmCodecName, Promise<LoadedWasmCodec>>();

/** Compiles a codec's wasm once per worker; a failed load is retried on the next call. */
export function loadBrowserWasmCodec(name: WasmCodecName): Promise<LoadedWasmCodec> {
  let codec = loaded.get(name);
  if (!codec) {
    const { factory, wasm } = MODULES[name];
    const messages: string[] = [];
    const location = new URL(wasm, self.location.href).href;
    codec = factory(emscriptenOptions(location, messages)).then((module) => ({
      module: module as WasmCodecModule,
      messages,
    }));
    codec.catch(() => loaded.delete(name));
    loaded.set(name, codec);
  }
  return codec;
}

export const browserCodecs: Codecs = createWasmCodecs(loadBrowserWasmCodec);

/** Compiles every codec now, so the first compressed image does not wait ~0.5 s for it. */
export async function warmCodecs(): Promise<void> {
  await Promise.all((Object.keys(MODULES) as WasmCodecName[]).map((n) => loadBrowserWasmCodec(n)));
}
