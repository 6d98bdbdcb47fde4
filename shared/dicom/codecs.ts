/** Samples as a codec returns them: pixel-interleaved, one array element per sample. */
export type CodecSamples = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array;

export interface CodecImage {
  width: number;
  height: number;
  /** Samples per pixel in the stream (1 or 3). */
  components: number;
  /** Sample precision of the stream (e.g. 8, 12, 16). */
  bitsPerSample: number;
  /** The stream says its samples are signed (JPEG 2000's Ssiz; JPEG and JPEG-LS are always unsigned). */
  signed: boolean;
  pixels: CodecSamples;
}

/**
 * Compressed-frame decoders, injected so that the same pipeline runs in Node (wasm loaded from
 * node_modules) and in a browser Web Worker (wasm fetched from Vite `?url` imports via each
 * emscripten module's `locateFile`). Each takes one frame's complete codestream.
 *
 * Colour: `jpegBaseline` and `jpeg12` return RGB, converting YCbCr as libjpeg decides (JFIF / Adobe
 * marker / component ids); `jpegLossless`, `jpegLs` and `j2k` return the components as stored, except
 * that `j2k` applies the codestream's multiple-component transform (YBR_RCT / YBR_ICT → RGB).
 */
export interface Codecs {
  /** JPEG baseline and 8-bit extended/progressive DCT (1.2.840.10008.1.2.4.50). */
  jpegBaseline(bytes: Uint8Array): Promise<CodecImage>;
  /** 12-bit JPEG extended DCT (1.2.840.10008.1.2.4.51, process 4). */
  jpeg12(bytes: Uint8Array): Promise<CodecImage>;
  /** JPEG lossless, any predictor (1.2.840.10008.1.2.4.57 and .70). */
  jpegLossless(bytes: Uint8Array): Promise<CodecImage>;
  /** JPEG-LS lossless and near-lossless (1.2.840.10008.1.2.4.80 and .81). */
  jpegLs(bytes: Uint8Array): Promise<CodecImage>;
  /** JPEG 2000 (1.2.840.10008.1.2.4.90 and .91). */
  j2k(bytes: Uint8Array): Promise<CodecImage>;
}
