import type { Codecs } from '../../../shared/dicom/codecs.ts';
import { createWasmCodecs } from '../../../shared/dicom/wasm-codecs.ts';
import { loadNodeWasmCodec } from './wasm-module.ts';

/** The decoding codecs for Node (CLI, tests, main process): wasm from node_modules plus pure TypeScript. */
export const nodeCodecs: Codecs = createWasmCodecs(loadNodeWasmCodec);
