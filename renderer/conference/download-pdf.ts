import type { PdfFile } from '../../shared/contract/conference-schemas.ts';
import { downloadBlob } from '../evaluation/download.ts';

/** Hands a PDF made by the backend to the browser's download. */
export function downloadPdf(file: PdfFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  downloadBlob(new Blob([bytes], { type: 'application/pdf' }), file.name);
}
