import { Inflate } from 'pako';

const ENOUGH = new Error('enough');

/**
 * Inflates raw DEFLATE data, stopping after `maxOutput` bytes: returns the first
 * min(inflated size, maxOutput) bytes and whether the stream ended. Never allocates past the bound,
 * so a few hundred kilobytes that inflate to gigabytes (a deflate bomb) cost at most `maxOutput`.
 */
export function inflateRawBounded(
  deflated: Uint8Array,
  maxOutput: number,
): { bytes: Uint8Array; complete: boolean } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate({ raw: true, chunkSize: 256 * 1024 });
  inflater.onData = (chunk: Uint8Array): void => {
    const room = maxOutput - total;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    total += Math.min(chunk.length, room);
    if (total >= maxOutput) throw ENOUGH;
  };
  let stopped = false;
  try {
    inflater.push(deflated, true);
  } catch (e) {
    if (e !== ENOUGH) throw e;
    stopped = true;
  }
  if (!stopped && inflater.err) throw new Error(inflater.msg || `inflate error ${inflater.err}`);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes, complete: !stopped };
}
