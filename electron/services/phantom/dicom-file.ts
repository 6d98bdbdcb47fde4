import dcmjs from 'dcmjs';
import { rename, writeFile } from 'node:fs/promises';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './uids.ts';

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** A dataset in dcmjs "naturalized" form (keyword → value), with PixelData as raw little-endian bytes. */
export type NaturalDataset = Record<string, unknown> & { SOPClassUID: string; SOPInstanceUID: string };

/**
 * Serialises a Part 10 file: 128-byte preamble, "DICM", file meta (explicit VR little endian), dataset.
 * dcmjs encodes everything except the pixel data, which is appended as the last element (7FE0,0010)
 * OW with its explicit-VR header: dcmjs would otherwise copy each large frame through a growing
 * buffer several times, the single largest cost of writing a 600-slice series.
 */
export function encodeDicom(dataset: NaturalDataset): Uint8Array {
  const { PixelData: pixels, _vrMap: _unused, ...rest } = dataset;
  if (!(pixels instanceof ArrayBuffer)) return encodeWithDcmjs(dataset);
  const head = encodeWithDcmjs(rest);
  const element = new Uint8Array(12);
  const view = new DataView(element.buffer);
  view.setUint16(0, 0x7fe0, true);
  view.setUint16(2, 0x0010, true);
  element[4] = 0x4f; // 'O'
  element[5] = 0x57; // 'W'
  view.setUint32(8, pixels.byteLength, true);
  const out = new Uint8Array(head.length + element.length + pixels.byteLength);
  out.set(head, 0);
  out.set(element, head.length);
  out.set(new Uint8Array(pixels), head.length + element.length);
  return out;
}

function encodeWithDcmjs(dataset: NaturalDataset): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = DicomMetaDictionary.denaturalizeDataset({
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  });
  const dict = new DicomDict(meta);
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

/** Writes via a temporary file and rename, so a reader never sees a half-written file. */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Pixel words as the little-endian bytes PixelData expects. */
export function pixelBytes(pixels: Uint16Array): ArrayBuffer {
  if (LITTLE_ENDIAN_HOST)
    return pixels.buffer.slice(pixels.byteOffset, pixels.byteOffset + pixels.byteLength) as ArrayBuffer;
  const out = new ArrayBuffer(pixels.length * 2);
  const view = new DataView(out);
  for (let i = 0; i < pixels.length; i++) view.setUint16(i * 2, pixels[i] as number, true);
  return out;
}

/**
 * Keeps a few file writes in flight while the next image is computed, so disk latency overlaps
 * with rendering. `drain` waits for the rest (and surfaces the first error).
 */
export function writeQueue(limit = 8): {
  add(path: string, bytes: Uint8Array): Promise<void>;
  drain(): Promise<void>;
} {
  const pending = new Set<Promise<void>>();
  return {
    async add(path, bytes) {
      const p = writeFileAtomic(path, bytes).finally(() => pending.delete(p));
      // Errors surface through race/drain; this branch only stops them counting as unhandled.
      p.catch(() => undefined);
      pending.add(p);
      if (pending.size >= limit) await Promise.race(pending);
    },
    async drain() {
      await Promise.all(pending);
    },
  };
}
