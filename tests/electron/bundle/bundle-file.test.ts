import { describe, expect, it } from 'vitest';
import {
  decryptBundle,
  encryptBundle,
  isEncryptedBundle,
} from '../../../electron/services/bundle/bundle-crypto.ts';
import { readBundleZip, writeBundleZip } from '../../../electron/services/bundle/bundle-zip.ts';
import { openBundle } from '../../../electron/services/bundle/read-bundle.ts';

const HEAD = { kind: 'case' as const, pseudonym: 'SCR-ABCDEFGH23', createdAt: '2026-01-05T08:00:00Z' };
const entries = [
  { path: 'case.json', bytes: Buffer.from('{"kind":"case"}') },
  { path: 'dicom/00001.dcm', bytes: Buffer.from('DICM-stored-uncompressed-payload') },
];

describe('.scrcase files', () => {
  it('round-trips through the zip with every file checked against the manifest', async () => {
    const { manifest, files } = await readBundleZip(await writeBundleZip(entries, HEAD));
    expect(manifest.files.map((f) => f.path)).toEqual(['case.json', 'dicom/00001.dcm']);
    expect(files.get('dicom/00001.dcm')?.toString()).toBe('DICM-stored-uncompressed-payload');
  });

  it('refuses a file changed after it was made', async () => {
    const zip = await writeBundleZip(entries, HEAD);
    const at = zip.indexOf('stored-uncompressed');
    zip[at] = 'X'.charCodeAt(0);
    // yauzl checks no CRC on a buffer read: the manifest's SHA-256 is what catches it.
    await expect(readBundleZip(zip)).rejects.toThrow(/changed after it was made|damaged/);
  });

  it('refuses a zip that is not a bundle', async () => {
    await expect(readBundleZip(Buffer.from('not a zip at all'))).rejects.toThrow(/not a case bundle/);
  });

  it('encrypts with AES-256-GCM: the right password opens it, a wrong one or one changed byte does not', async () => {
    const zip = await writeBundleZip(entries, HEAD);
    const sealed = await encryptBundle(zip, 'correct horse battery');
    expect(isEncryptedBundle(sealed)).toBe(true);
    expect(sealed.includes(Buffer.from('stored-uncompressed'))).toBe(false);
    expect((await decryptBundle(sealed, 'correct horse battery')).equals(zip)).toBe(true);
    await expect(decryptBundle(sealed, 'wrong horse battery')).rejects.toThrow(/password is wrong/);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 40]! ^= 0x01;
    await expect(decryptBundle(flipped, 'correct horse battery')).rejects.toThrow(
      /password is wrong|changed/,
    );
    await expect(openBundle(sealed, undefined)).rejects.toThrow(/password-protected/);
  });
});
