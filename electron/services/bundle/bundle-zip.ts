import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import yazl from 'yazl';
import type { BundleManifest } from '../../../shared/second-opinion/bundle-documents.ts';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  manifestSchema,
} from '../../../shared/second-opinion/bundle-documents.ts';
import { bundleError } from './bundle-error.ts';

export const MANIFEST_PATH = 'manifest.json';
const MAX_ENTRIES = 100_002;
const MAX_TOTAL_BYTES = 8 * 1024 ** 3;

export interface BundleEntry {
  path: string;
  bytes: Buffer;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A zip of the entries plus `manifest.json` listing each with its size and SHA-256. */
export function writeBundleZip(
  entries: readonly BundleEntry[],
  head: Pick<BundleManifest, 'kind' | 'pseudonym' | 'createdAt'>,
): Promise<Buffer> {
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    ...head,
    files: entries.map((e) => ({ path: e.path, bytes: e.bytes.length, sha256: sha256(e.bytes) })),
  };
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), MANIFEST_PATH);
  // DICOM pixel data barely deflates; store it, compress the JSON.
  for (const e of entries) zip.addBuffer(e.bytes, e.path, { compress: !e.path.endsWith('.dcm') });
  zip.end();
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', fail);
    zip.outputStream.on('end', () => done(Buffer.concat(chunks)));
  });
}

function readAll(zipBytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((done, fail) => {
    yauzl.fromBuffer(zipBytes, { lazyEntries: true, strictFileNames: true }, (openError, zip) => {
      if (openError || !zip) return fail(bundleError('This file is not a case bundle (not a readable zip).'));
      const files = new Map<string, Buffer>();
      let total = 0;
      zip.on('error', () => fail(bundleError('This bundle file is damaged.')));
      zip.on('end', () => done(files));
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        if (files.size >= MAX_ENTRIES || total > MAX_TOTAL_BYTES || files.has(entry.fileName)) {
          zip.close();
          return fail(bundleError('This bundle is larger than any case bundle this app writes.'));
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(bundleError('This bundle file is damaged.'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', () => fail(bundleError('This bundle file is damaged.')));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * Reads a bundle zip and checks it against its manifest: every listed file present with its hash,
 * nothing unlisted. A mismatch refuses the whole bundle before anything is written.
 */
export async function readBundleZip(
  zipBytes: Buffer,
): Promise<{ manifest: BundleManifest; files: Map<string, Buffer> }> {
  const files = await readAll(zipBytes);
  const raw = files.get(MANIFEST_PATH);
  if (!raw) throw bundleError('This zip is not a case bundle (it has no manifest).');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw bundleError('The bundle manifest is damaged.');
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw bundleError('This bundle was written by an unknown version or is damaged.');
  const listed = new Set(manifest.data.files.map((f) => f.path));
  for (const f of manifest.data.files) {
    const bytes = files.get(f.path);
    if (!bytes || bytes.length !== f.bytes || sha256(bytes) !== f.sha256)
      throw bundleError(
        `The bundle was changed after it was made (${f.path} does not match its manifest). Nothing was imported.`,
      );
  }
  for (const path of files.keys())
    if (path !== MANIFEST_PATH && !listed.has(path))
      throw bundleError(
        `The bundle holds a file its manifest does not list (${path}). Nothing was imported.`,
      );
  return { manifest: manifest.data, files };
}
