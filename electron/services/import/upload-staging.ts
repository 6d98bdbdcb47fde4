import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/result.ts';

export interface UploadLimits {
  /** Uploads open at once (a patient CD is one upload). */
  maxOpen: number;
  /** Bytes staged across all open uploads: the disk is shared with the image store. */
  maxStagedBytes: number;
  /** An upload untouched this long is abandoned (the tab was closed) and deleted. */
  idleMs: number;
}

/** A CD or DVD holds under 9 GB; two in parallel is generous for one reviewer. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxOpen: 4,
  maxStagedBytes: 20 * 1024 ** 3,
  idleMs: 30 * 60 * 1000,
};

interface OpenUpload {
  bytes: number;
  lastActivity: number;
  /** Being imported: no longer expires, takes no more files. */
  importing: boolean;
}

/**
 * Files a browser uploads for import (the browser host cannot read the user's disk) are staged
 * under `incoming/<uploadId>/` and deleted once imported. Only registered upload ids accept files;
 * open uploads, staged bytes and idle time are bounded.
 */
export class UploadStaging {
  private readonly open = new Map<string, OpenUpload>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly root: string,
    private readonly limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    // Anything left from a previous run was never imported (the app stopped mid-upload).
    rmSync(root, { recursive: true, force: true });
    this.sweeper = setInterval(() => void this.expireIdle(), Math.min(60_000, limits.idleMs)).unref();
  }

  begin(): string {
    void this.expireIdle();
    if (this.open.size >= this.limits.maxOpen)
      throw new AppError('CONFLICT', 'Too many uploads are open; wait for one to finish importing.');
    const id = randomUUID();
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    chmodSync(this.root, 0o700);
    mkdirSync(join(this.root, id), { mode: 0o700 });
    this.open.set(id, { bytes: 0, lastActivity: this.clock(), importing: false });
    return id;
  }

  /** The folder of an upload still taking files, or null. */
  dirOf(id: string): string | null {
    const upload = this.open.get(id);
    return upload && !upload.importing ? join(this.root, id) : null;
  }

  /** Reserves room for a file of `bytes`; false when it would pass the staged-bytes limit. */
  reserve(id: string, bytes: number): boolean {
    const upload = this.open.get(id);
    if (!upload || upload.importing) return false;
    if (this.stagedBytes() + bytes > this.limits.maxStagedBytes) return false;
    upload.bytes += bytes;
    upload.lastActivity = this.clock();
    return true;
  }

  /** Gives back a reservation whose file was not kept. */
  release(id: string, bytes: number): void {
    const upload = this.open.get(id);
    if (upload) upload.bytes = Math.max(0, upload.bytes - bytes);
  }

  /** Hands the upload to an import: it takes no more files and no longer expires. */
  claim(id: string): string | null {
    const dir = this.dirOf(id);
    if (dir) this.open.get(id)!.importing = true;
    return dir;
  }

  stagedBytes(): number {
    let total = 0;
    for (const u of this.open.values()) total += u.bytes;
    return total;
  }

  async remove(id: string): Promise<void> {
    this.open.delete(id);
    await rm(join(this.root, id), { recursive: true, force: true });
  }

  /** Deletes uploads untouched for longer than the idle limit (not those being imported). */
  async expireIdle(): Promise<number> {
    const cutoff = this.clock() - this.limits.idleMs;
    const idle = [...this.open].filter(([, u]) => !u.importing && u.lastActivity < cutoff).map(([id]) => id);
    await Promise.all(idle.map((id) => this.remove(id)));
    return idle.length;
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
