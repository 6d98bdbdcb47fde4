import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { bundleError } from './bundle-error.ts';

/**
 * Password protection: AES-256-GCM (authenticated: a wrong password and a changed byte both fail
 * the tag) with the key from scrypt, a memory-hard KDF (Percival, "Stronger key derivation via
 * sequential memory-hard functions", BSDCan 2009); N = 2^17, r = 8, p = 1 as OWASP's password
 * storage guidance recommends at minimum. The header (parameters, salt, IV) is authenticated too.
 */
const MAGIC = Buffer.from('SCRCASE-AES256GCM\n', 'latin1');
const KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
const TAG_BYTES = 16;

interface Header {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
}

function deriveKey(password: string, salt: Buffer, h: Pick<Header, 'N' | 'r' | 'p'>): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r },
      (e, key) => (e ? fail(e) : done(key)),
    ),
  );
}

export const isEncryptedBundle = (bytes: Buffer): boolean => bytes.subarray(0, MAGIC.length).equals(MAGIC);

export async function encryptBundle(plain: Buffer, password: string): Promise<Buffer> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: Header = { kdf: 'scrypt', ...KDF, salt: salt.toString('base64'), iv: iv.toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const aad = Buffer.concat([MAGIC, length, headerBytes]);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(password, salt, KDF), iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([aad, body, cipher.getAuthTag()]);
}

function readHeader(bytes: Buffer): { header: Header; aadLength: number } {
  const length = bytes.readUInt32BE(MAGIC.length);
  const start = MAGIC.length + 4;
  if (length > 4096 || start + length + TAG_BYTES > bytes.length)
    throw bundleError('This bundle file is damaged.');
  let header: Header;
  try {
    header = JSON.parse(bytes.subarray(start, start + length).toString('utf8')) as Header;
  } catch {
    throw bundleError('This bundle file is damaged.');
  }
  // Bounds keep a forged header from asking for gigabytes of scrypt memory.
  if (header.kdf !== 'scrypt' || header.N > 2 ** 20 || header.r > 16 || header.p > 4)
    throw bundleError('This bundle uses an encryption setting this version does not accept.');
  return { header, aadLength: start + length };
}

/** The zip inside, or a clear refusal; nothing is decrypted into a file before the tag checks. */
export async function decryptBundle(bytes: Buffer, password: string): Promise<Buffer> {
  const { header, aadLength } = readHeader(bytes);
  const key = await deriveKey(password, Buffer.from(header.salt, 'base64'), header);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(bytes.subarray(0, aadLength));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(aadLength, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw bundleError(
      'The password is wrong, or the bundle file was changed after it was made. Nothing was imported.',
    );
  }
}
