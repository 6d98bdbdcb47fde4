/**
 * Content-Security-Policy for the renderer in both hosts: only the app's own code runs, nothing is
 * fetched from elsewhere (patient data must not leave the machine), no plugins, no framing.
 * 'wasm-unsafe-eval' lets the image codecs (WebAssembly) compile; it does not allow eval().
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
