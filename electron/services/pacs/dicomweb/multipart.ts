/**
 * Streaming reader of multipart/related bodies (RFC 2046 §5.1, as WADO-RS uses them, PS3.18 8.7):
 * part bytes are handed on as they arrive and never collected, so memory stays at one network
 * chunk plus a delimiter's length whatever the study size.
 */

export interface PartSink {
  begin(headers: Record<string, string>): Promise<void>;
  data(chunk: Buffer): Promise<void>;
  /** The part's closing delimiter arrived: the part is complete. */
  end(): Promise<void>;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary parameter of a multipart Content-Type, unquoted. */
export function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function parseHeaders(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'done';

/**
 * Reads the body and calls the sink per part. Resolves with the number of complete parts; rejects
 * with MultipartError when the body ends inside a part (a partial download: that part's `end` is
 * never called, so the caller discards it).
 */
export async function readMultipart(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  sink: PartSink,
): Promise<number> {
  // The first delimiter may open the body without a preceding CRLF; prefixing one makes every
  // delimiter the same byte string.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let pending: Buffer = Buffer.from(CRLF);
  let state = 'preamble' as State;
  let parts = 0;

  const step = async (): Promise<boolean> => {
    if (state === 'preamble' || state === 'body') {
      const at = pending.indexOf(delimiter);
      if (at < 0) {
        // Keep just enough to recognise a delimiter split across chunks.
        const keep = Math.min(pending.length, delimiter.length - 1);
        if (state === 'body' && pending.length > keep)
          await sink.data(pending.subarray(0, pending.length - keep));
        pending = pending.subarray(pending.length - keep);
        return false;
      }
      if (state === 'body') {
        if (at > 0) await sink.data(pending.subarray(0, at));
        await sink.end();
        parts++;
      }
      pending = pending.subarray(at + delimiter.length);
      state = 'delimiter';
      return true;
    }
    if (state === 'delimiter') {
      if (pending.length < 2) return false;
      if (pending[0] === 0x2d && pending[1] === 0x2d) {
        state = 'done';
        return false;
      }
      const eol = pending.indexOf(CRLF);
      if (eol < 0) return false;
      // Whatever precedes the CRLF is transport padding (RFC 2046: linear white space).
      pending = pending.subarray(eol + 2);
      state = 'headers';
      return true;
    }
    if (state === 'headers') {
      // A part with no headers starts directly with the blank line.
      if (pending.length >= 2 && pending[0] === 0x0d && pending[1] === 0x0a) {
        pending = pending.subarray(2);
        await sink.begin({});
        state = 'body';
        return true;
      }
      const end = pending.indexOf(HEADER_END);
      if (end < 0) {
        if (pending.length > MAX_HEADER_BYTES) throw new MultipartError('A part header is too long.');
        return false;
      }
      await sink.begin(parseHeaders(pending.subarray(0, end)));
      pending = pending.subarray(end + HEADER_END.length);
      state = 'body';
      return true;
    }
    return false;
  };

  for await (const chunk of body) {
    if (state === 'done') continue;
    pending = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk);
    while (await step());
  }
  if (state === 'preamble' && parts === 0 && pending.length <= 2) return 0;
  if (state !== 'done') throw new MultipartError('The answer ended before its last part was complete.');
  return parts;
}
