import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { UploadStaging } from '../services/import/upload-staging.ts';
import { resolveInside } from '../services/safe-path.ts';

/** The browser cannot hand us paths: it uploads each picked file (PUT /upload/<uploadId>/<relative path>). */
const MAX_FILE_BYTES = 4 * 1024 ** 3;
/** Windows and most file systems stop at 255 per name; folders from CDs are shallow. */
const MAX_NAME = 255;
const MAX_PATH = 1024;
// Control characters, and characters Windows refuses in names (a file a CD could not have carried).
// eslint-disable-next-line no-control-regex
const BAD_NAME = /[\u0000-\u001f\u007f<>:"|?*\\]/;

/** The upload's relative path split into names, or null when any name is empty or invalid. */
export function uploadNames(relative: string): string[] | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  const names = decoded.split('/');
  if (decoded.length > MAX_PATH) return null;
  const valid = (n: string): boolean =>
    n.length > 0 && n.length <= MAX_NAME && n !== '.' && n !== '..' && !BAD_NAME.test(n) && n.trim() === n;
  return names.length && names.every(valid) ? names : null;
}

export async function handleUpload(
  staging: UploadStaging,
  pathAfterPrefix: string,
  req: IncomingMessage,
  res: ServerResponse,
  reply: (status: number, message: string) => void,
): Promise<void> {
  if (req.method !== 'PUT') return reply(405, 'Use PUT.');
  const slash = pathAfterPrefix.indexOf('/');
  const uploadId = slash > 0 ? pathAfterPrefix.slice(0, slash) : '';
  const dir = staging.dirOf(uploadId);
  if (!dir) return reply(404, 'Unknown upload.');
  if (!uploadNames(pathAfterPrefix.slice(slash + 1))) return reply(400, 'Bad file name.');
  const target = resolveInside(dir, pathAfterPrefix.slice(slash));
  if (!target || target === dir) return reply(400, 'Bad file path.');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (!(declared <= MAX_FILE_BYTES)) return reply(413, 'File too large or size unknown.');
  if (!staging.reserve(uploadId, declared)) return reply(413, 'Not enough room for more uploaded files.');
  try {
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await pipeline(req, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    staging.release(uploadId, declared);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return reply(409, 'That file was already uploaded.');
    // A broken connection leaves a partial file: remove it so it is never imported.
    await rm(target, { force: true }).catch(() => {});
    if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'ENAMETOOLONG')
      return reply(400, 'Bad file path.');
    return reply(400, 'Upload failed.');
  }
  res.writeHead(204).end();
}
