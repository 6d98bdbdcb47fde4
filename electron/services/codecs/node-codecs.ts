import type { Codecs } from '../../../shared/dicom/codecs.ts';
import { jsCodecs } from '../../../shared/dicom/js-codecs.ts';
import { runWasmDecoder } from './run-wasm-decoder.ts';

/** The decoding codecs for Node (CLI, tests, main process): wasm from node_modules plus pure JS. */
export const nodeCodecs: Codecs = {
  ...jsCodecs,
  jpegBaseline: (bytes) => runWasmDecoder('@cornerstonejs/codec-libjpeg-turbo-8bit', 'JPEGDecoder', bytes),
  jpegLs: (bytes) => runWasmDecoder('@cornerstonejs/codec-charls', 'JpegLSDecoder', bytes),
  j2k: (bytes) => runWasmDecoder('@cornerstonejs/codec-openjpeg', 'J2KDecoder', bytes),
};
