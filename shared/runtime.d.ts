// The few platform APIs shared/ may use: present in every runtime we target (Node ≥ 20, Chromium),
// declared here because shared/ compiles against the plain ES library, without DOM or Node types.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
