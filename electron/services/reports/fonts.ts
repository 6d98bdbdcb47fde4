import { createRequire } from 'node:module';

// DejaVu Sans covers every Latin script (accents, ø, ł, ß, Turkish ı…), Greek and Cyrillic, so
// patient and surgeon names print as typed; pdfkit's built-in Helvetica covers Latin-1 only.
const requireFromHere = createRequire(import.meta.url);

export const REPORT_FONTS = {
  regular: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: requireFromHere.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;
