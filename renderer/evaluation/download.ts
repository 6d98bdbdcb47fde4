import type { ExportFile } from '../../shared/contract/evaluation-schemas.ts';

/** Hands a generated file to the browser's download (a Blob URL, revoked once used). */
export function downloadFile(file: ExportFile): void {
  downloadBlob(new Blob([file.content], { type: file.mimeType }), file.name);
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
