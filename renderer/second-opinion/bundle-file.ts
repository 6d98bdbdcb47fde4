import type { Result } from '../../shared/contract/result.ts';
import type { ImportedBundleInfo } from '../../shared/contract/second-opinion-schemas.ts';
import { api } from '../api.ts';
import { desktop } from '../imaging/desktop.ts';
import { uploadFiles } from '../imaging/upload.ts';

/**
 * Imports a picked `.scrcase`: Electron passes the handle its main process issued for the file;
 * the browser host uploads it first (the page cannot hand the backend a path).
 */
export async function importBundleFile(file: File, password: string): Promise<Result<ImportedBundleInfo>> {
  const secret = password ? { password } : {};
  const bridge = desktop();
  const handle = bridge ? await bridge.sourceForFile(file) : null;
  if (handle) return api['secondOpinion.importBundle']({ path: handle, ...secret });
  const uploadId = await uploadFiles([{ file, path: file.name }], () => {}, new AbortController().signal);
  return api['secondOpinion.importBundle']({ uploadId, ...secret });
}

/** Starts the browser's download of a bundle the backend wrote (a relative `bundles/…` URL). */
export function downloadBundle(url: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

export const formatBytes = (n: number): string =>
  n < 1024 ** 2 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
