import { api } from '../api.ts';
import type { PickedFile } from './picked-files.ts';

export interface UploadProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

const PARALLEL_UPLOADS = 4;

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** Uploads picked files to the browser host's staging area; returns the upload id to import. */
export async function uploadFiles(
  files: PickedFile[],
  onProgress: (p: UploadProgress) => void,
  signal: AbortSignal,
): Promise<string> {
  const begun = await api['imports.beginUpload']({});
  if (!begun.ok) throw new Error(begun.error.message);
  const { uploadId } = begun.value;
  const progress: UploadProgress = {
    filesDone: 0,
    filesTotal: files.length,
    bytesDone: 0,
    bytesTotal: files.reduce((n, f) => n + f.file.size, 0),
  };
  onProgress({ ...progress });
  const used = new Set<string>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const { file, path } = files[next++]!;
      // Two dropped items may share a name: keep both.
      let unique = path;
      for (let n = 2; used.has(unique); n++) unique = `${path}~${n}`;
      used.add(unique);
      const response = await fetch(`/upload/${uploadId}/${encodePath(unique)}`, {
        method: 'PUT',
        body: file,
        credentials: 'same-origin',
        signal,
      });
      if (!response.ok) throw new Error(`Uploading ${path} failed (HTTP ${response.status}).`);
      progress.filesDone++;
      progress.bytesDone += file.size;
      onProgress({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_UPLOADS }, worker));
  return uploadId;
}
