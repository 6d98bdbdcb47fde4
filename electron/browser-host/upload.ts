import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { UploadStaging } from '../services/import/upload-staging.ts';
import { resolveInside } from '../services/safe-path.ts';

/** The browser cannot hand us paths: it uploads each picked file (PUT /upload/<uploadId>/<relative path>). */
const MAX_FILE_BYTES = 4 * 1024 ** 3;

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
  const target = resolveInside(dir, pathAfterPrefix.slice(slash));
  if (!target || target === dir) return reply(400, 'Bad file path.');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (!(declared <= MAX_FILE_BYTES)) return reply(413, 'File too large or size unknown.');
  await mkdir(dirname(target), { recursive: true });
  try {
    await pipeline(req, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return reply(409, 'That file was already uploaded.');
    // A broken connection leaves a partial file: remove it so it is never imported.
    await rm(target, { force: true });
    return reply(400, 'Upload failed.');
  }
  res.writeHead(204).end();
}
