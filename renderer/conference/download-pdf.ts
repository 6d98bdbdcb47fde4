import type { PdfFile } from '../../shared/contract/conference-schemas.ts';

/** Hands a PDF made by the backend to the browser's download (a Blob URL, revoked once used). */
export function downloadPdf(file: PdfFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
