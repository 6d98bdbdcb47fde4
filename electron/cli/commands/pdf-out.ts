import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PAPER_SIZES } from '../../../shared/contract/conference-schemas.ts';
import type { PaperSize, PdfFile } from '../../../shared/contract/conference-schemas.ts';
import type { CliIo, Values } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

export const PDF_OPTIONS = { out: { type: 'string' }, paper: { type: 'string' } } as const;

export function paperOption(values: Values): PaperSize {
  const raw = stringOption(values, 'paper') ?? 'A4';
  const found = PAPER_SIZES.find((p) => p.toLowerCase() === raw.toLowerCase());
  if (!found) throw new UsageError(`Unknown paper "${raw}". Use A4 or Letter.`);
  return found;
}

export function outOption(values: Values, command: string): string {
  const out = stringOption(values, 'out');
  if (!out) throw new UsageError(`${command} needs --out FILE.pdf.`);
  return resolve(out);
}

/** Writes the PDF readable by its owner only (it holds patient data) and says where. */
export function writePdf(path: string, pdf: PdfFile, io: CliIo): void {
  const bytes = Buffer.from(pdf.base64, 'base64');
  writeFileSync(path, bytes, { mode: 0o600 });
  io.out(
    io.json
      ? JSON.stringify({ path, bytes: bytes.length, pages: pdf.pages }, null, 2)
      : `Wrote ${path} (${pdf.pages} pages, ${bytes.length} bytes)`,
  );
}
