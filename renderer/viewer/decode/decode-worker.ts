import { describeThrown } from '../../../shared/dicom/errors.ts';
import type { ParsedDicom } from '../../../shared/dicom/parse.ts';
import { browserCodecs, warmCodecs } from './browser-codecs.ts';
import { decodeForView, ownBuffer, parseForView } from './decode-frame-for-view.ts';
import type { DecodeRequest, DecodeResponse } from './messages.ts';

// The decode worker: fetches a stored DICOM file, parses it, decodes one frame and transfers the
// pixels back. The last few parsed files are kept, so the frames of a multi-frame image are
// fetched once.

interface WorkerScope {
  postMessage(message: DecodeResponse, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<DecodeRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

const RECENT_FILES = 4;
const files = new Map<string, Promise<{ parsed: ParsedDicom; fetchMs: number }>>();

async function fetchParsed(url: string): Promise<{ parsed: ParsedDicom; fetchMs: number }> {
  const t0 = performance.now();
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok)
    throw new Error(
      response.status === 404
        ? 'The image file is no longer in the store.'
        : `The image could not be read (HTTP ${response.status}).`,
    );
  const bytes = new Uint8Array(await response.arrayBuffer());
  const fetchMs = performance.now() - t0;
  return { parsed: parseForView(bytes), fetchMs };
}

function parsedFile(url: string): Promise<{ parsed: ParsedDicom; fetchMs: number }> {
  let file = files.get(url);
  if (file) {
    files.delete(url);
    files.set(url, file);
    return file.then((f) => ({ ...f, fetchMs: 0 }));
  }
  file = fetchParsed(url);
  file.catch(() => files.delete(url));
  files.set(url, file);
  while (files.size > RECENT_FILES) files.delete(files.keys().next().value!);
  return file;
}

async function decode(id: number, url: string, frame: number): Promise<void> {
  try {
    const { parsed, fetchMs } = await parsedFile(url);
    const t0 = performance.now();
    const image = await decodeForView(parsed, frame, browserCodecs);
    const pixels = ownBuffer(image.pixels);
    const decoded = { ...image, pixels, timing: { fetchMs, decodeMs: performance.now() - t0 } };
    scope.postMessage({ type: 'decoded', id, image: decoded }, [pixels.buffer]);
  } catch (e) {
    scope.postMessage({ type: 'failed', id, message: describeThrown(e) });
  }
}

scope.onmessage = (e) => {
  const request = e.data;
  if (request.type === 'warm') {
    const t0 = performance.now();
    warmCodecs().then(
      () => scope.postMessage({ type: 'warmed', ms: performance.now() - t0 }),
      () => scope.postMessage({ type: 'warmed', ms: -1 }),
    );
  } else void decode(request.id, request.url, request.frame);
};
