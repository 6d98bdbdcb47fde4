import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Files a browser uploads for import (the browser host cannot read the user's disk) are staged
 * under `incoming/<uploadId>/` and deleted once imported. Only registered upload ids accept files.
 */
export class UploadStaging {
  private readonly open = new Set<string>();

  constructor(private readonly root: string) {
    // Anything left from a previous run was never imported (the app stopped mid-upload).
    rmSync(root, { recursive: true, force: true });
  }

  begin(): string {
    const id = randomUUID();
    mkdirSync(join(this.root, id), { recursive: true, mode: 0o700 });
    this.open.add(id);
    return id;
  }

  dirOf(id: string): string | null {
    return this.open.has(id) ? join(this.root, id) : null;
  }

  async remove(id: string): Promise<void> {
    this.open.delete(id);
    await rm(join(this.root, id), { recursive: true, force: true });
  }
}
