// The emscripten glue of the cornerstone wasm codecs: CommonJS, exporting a module factory. Only
// the decoder builds are used; their .wasm is imported separately with Vite's `?url`.
type CodecModuleFactory = (options: {
  locateFile: (path: string) => string;
  print: (line: string) => void;
  printErr: (line: string) => void;
}) => Promise<Record<string, unknown>>;

declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: CodecModuleFactory;
  export = factory;
}
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: CodecModuleFactory;
  export = factory;
}
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: CodecModuleFactory;
  export = factory;
}
