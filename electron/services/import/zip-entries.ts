import type { Entry, ZipFile } from 'yauzl';
import yauzl from 'yauzl';
import { zipBytesInFlight } from './zip-budget.ts';

/** Entries larger than this are refused: a CD-sized study never has a single file near it. */
const MAX_ENTRY_BYTES = 2 * 1024 ** 3;
/**
 * Deflate cannot shrink data more than ~1032:1; DICOM images (noise, padding, air) compress by well
 * under 20:1. An entry declaring more than this ratio is a zip bomb; small entries are exempt.
 */
export const MAX_EXPANSION_RATIO = 100;
const RATIO_EXEMPT_BYTES = 1024 ** 2;

/** Why an entry is refused before a byte of it is inflated, or null. */
export function entryRefusal(entry: Pick<Entry, 'uncompressedSize' | 'compressedSize'>): string | null {
  if (entry.uncompressedSize > MAX_ENTRY_BYTES) return 'archive entry larger than 2 GiB';
  if (
    entry.uncompressedSize > RATIO_EXEMPT_BYTES &&
    entry.uncompressedSize > entry.compressedSize * MAX_EXPANSION_RATIO
  )
    return `archive entry expands more than ${MAX_EXPANSION_RATIO}-fold (a zip bomb?)`;
  return null;
}

export interface ZipEntryBytes {
  name: string;
  bytes: Uint8Array;
}

const openZip = (path: string): Promise<ZipFile> =>
  new Promise((done, fail) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true, strictFileNames: false }, (e, zip) =>
      e ? fail(e) : done(zip),
    ),
  );

function readEntry(zip: ZipFile, entry: Entry): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    zip.openReadStream(entry, (e, stream) => {
      if (e) return fail(e);
      // One exact-size allocation per entry: the bytes are handed (transferred) to a worker.
      const out = new Uint8Array(entry.uncompressedSize);
      let at = 0;
      stream.on('data', (chunk: Buffer) => {
        if (at + chunk.length > out.length) return stream.destroy(new Error('entry larger than declared'));
        out.set(chunk, at);
        at += chunk.length;
      });
      stream.on('end', () =>
        at === out.length ? done(out) : fail(new Error('entry shorter than declared')),
      );
      stream.on('error', fail);
    });
  });
}

/** Streams the files of a zip archive one at a time (directories skipped). */
export async function* zipEntries(
  path: string,
): AsyncGenerator<ZipEntryBytes | { name: string; error: string }> {
  const zip = await openZip(path);
  const next = (): Promise<Entry | null> =>
    new Promise((done, fail) => {
      zip.once('entry', done);
      zip.once('end', () => done(null));
      zip.once('error', fail);
      zip.readEntry();
    });
  try {
    for (let entry = await next(); entry; entry = await next()) {
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (entry.fileName.endsWith('/')) continue;
      const refused = entryRefusal(entry);
      if (refused) {
        yield { name: entry.fileName, error: refused };
        continue;
      }
      // Wait until the workers have taken what earlier entries put in memory.
      await zipBytesInFlight.room(entry.uncompressedSize);
      let read: ZipEntryBytes | { name: string; error: string };
      zipBytesInFlight.add(entry.uncompressedSize);
      try {
        read = { name: entry.fileName, bytes: await readEntry(zip, entry) };
      } catch (e) {
        read = { name: entry.fileName, error: `damaged archive entry (${(e as Error).message})` };
      } finally {
        // From here the pool counts the bytes (ReadPool.read) until a worker is done with them.
        zipBytesInFlight.remove(entry.uncompressedSize);
      }
      yield read;
    }
  } finally {
    zip.close();
  }
}
