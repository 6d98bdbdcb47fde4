import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Passwords and tokens of archives, by archive id. Never in the database, never in logs. */
export interface SecretStore {
  get(archiveId: number): string | null;
  set(archiveId: number, secret: string | null): void;
}

/** Turns a secret into bytes at rest and back (Electron: the OS keychain via safeStorage). */
export interface SecretCodec {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

/**
 * Secrets in one JSON file readable only by its owner (0600, in the 0700 data folder), written by
 * rename so a crash never leaves half a file. With a codec (Electron), values are sealed by the OS
 * keychain first; without (browser host, CLI) the file permissions are the protection.
 */
export class FileSecretStore implements SecretStore {
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly codec: SecretCodec | null = null,
  ) {
    this.file = join(dataDir, codec ? 'archive-secrets.sealed.json' : 'archive-secrets.json');
  }

  private read(): Record<string, string> {
    if (!existsSync(this.file)) return {};
    return JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, string>;
  }

  get(archiveId: number): string | null {
    const value = this.read()[String(archiveId)];
    if (value === undefined) return null;
    return this.codec ? this.codec.decrypt(Buffer.from(value, 'base64')) : value;
  }

  set(archiveId: number, secret: string | null): void {
    const all = this.read();
    if (secret === null) delete all[String(archiveId)];
    else all[String(archiveId)] = this.codec ? this.codec.encrypt(secret).toString('base64') : secret;
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }
}
