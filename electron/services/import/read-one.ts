import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { NotDicomError, PixelDecodeError } from '../../../shared/dicom/errors.ts';
import { parseDicom } from '../../../shared/dicom/parse.ts';
import { readHeader } from '../../../shared/imaging/read-header.ts';
import type { StoreLayout } from '../store/layout.ts';
import { stageObject } from '../store/stage-object.ts';
import { readStoredHead } from './read-stored.ts';
import type { ReadOutcome, ReadTask } from './protocol.ts';

/**
 * Files up to this size are read into one buffer the worker keeps (a fresh buffer per file costs a
 * page fault per 4 KB on first touch, more than the read itself); larger ones get their own.
 */
const SCRATCH_MAX = 8 * 1024 * 1024;
let scratch: Uint8Array | null = null;

const SKIP_NAMES = /(^|[\\/])(autorun\.inf|desktop\.ini|thumbs\.db|\.ds_store)$/i;

/**
 * Reads one file: classify, parse the header, hash, and stage it for the store. Never throws.
 * Synchronous from start to end: it runs on a worker's own thread (one file at a time).
 */
export function readOne(task: ReadTask, store: StoreLayout): ReadOutcome {
  if (SKIP_NAMES.test(task.path)) return { kind: 'skipped', reason: 'system file' };
  if (!task.bytes) {
    const fromStore = readStoredObject(task.path, store);
    if (fromStore) return fromStore;
  }
  // From here to the return everything is synchronous, so the worker's one scratch buffer cannot
  // be in use twice; nothing returned refers to it (the header's values are strings and numbers).
  let bytes: Uint8Array;
  try {
    if (task.bytes) bytes = task.bytes;
    else {
      const file = readUnlessZip(task.path);
      if (file === 'zip') return { kind: 'zip' };
      bytes = file;
    }
  } catch (e) {
    return {
      kind: 'failed',
      reason: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    };
  }
  try {
    const reading = readHeader(parseDicom(bytes));
    if (reading.kind === 'dicomdir') return reading;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const staged = stageObject(store, bytes, sha256);
    return {
      kind: 'instance',
      header: reading.header,
      decodable: reading.decodable,
      warnings: reading.warnings,
      sha256,
      size: bytes.length,
      relativePath: staged.relativePath,
      tmpPath: staged.tmpPath,
    };
  } catch (e) {
    if (e instanceof NotDicomError) return { kind: 'skipped', reason: 'not a DICOM file' };
    if (e instanceof PixelDecodeError) return { kind: 'failed', reason: e.message };
    return {
      kind: 'failed',
      reason: `could not be stored (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
    };
  }
}

/**
 * Re-indexing the store: parse only the head of a stored object; its name is its hash and it is
 * already in place. Null when the head is not enough (a long header, encapsulated frames) or
 * cannot be read: then the file is read whole like any other. Bounded work (at most the head's 64 KB), so the importer
 * runs it on its own thread, without starting a worker.
 */
export function readStoredObject(path: string, store: StoreLayout): ReadOutcome | null {
  // Read and parsed in one synchronous stretch: the head's buffer is reused by the next read.
  let reading;
  let stored;
  try {
    stored = readStoredHead(path, store);
    if (!stored) return null;
    reading = readHeader(parseDicom(stored.head), stored.size);
  } catch {
    return null;
  }
  if (reading.kind === 'dicomdir') return null;
  return {
    kind: 'instance',
    header: reading.header,
    decodable: reading.decodable,
    warnings: reading.warnings,
    sha256: stored.sha256,
    size: stored.size,
    relativePath: stored.relativePath,
    tmpPath: null,
  };
}

/**
 * The file's bytes, or 'zip' for a zip archive (PK\x03\x04), which is then never read whole here.
 * Synchronous: this runs on a worker's own thread, where a blocking read stalls nothing else, and
 * each asynchronous call would be a round trip through libuv's four shared threads (contended by
 * every worker and the main thread's fsyncs).
 */
function readUnlessZip(path: string): Uint8Array | 'zip' {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    const head = new Uint8Array(4);
    readSync(fd, head, 0, 4, 0);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip';
    // Its size when opened: a file still being written is read as far as it was then.
    const bytes = size <= SCRATCH_MAX ? scratchOf(size) : newBytes(size);
    let length = 0;
    while (length < size) {
      const n = readSync(fd, bytes, length, size - length, length);
      if (n === 0) break;
      length += n;
    }
    return length === size ? bytes : bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Uninitialised: every byte returned is read from the file first. */
function newBytes(size: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(size);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, size);
}

function scratchOf(size: number): Uint8Array {
  if (!scratch || scratch.length < size) scratch = newBytes(Math.min(SCRATCH_MAX, Math.max(size, 1 << 20)));
  return scratch.subarray(0, size);
}
