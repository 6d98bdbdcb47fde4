import { randomBytes } from 'node:crypto';

/**
 * Replacement UIDs for one bundle: each original UID gets one new UID (2.25 + a random 128-bit
 * integer, PS3.5 B.2), the same wherever it occurs in the bundle, so studies, series, frames of
 * reference and references between instances stay consistent. The mapping stays with the sender.
 */
export class UidMap {
  private readonly map = new Map<string, string>();

  replace(uid: string): string {
    const original = uid.trim().replace(/\0+$/, '');
    let next = this.map.get(original);
    if (!next) {
      next = `2.25.${BigInt(`0x${randomBytes(16).toString('hex')}`).toString()}`;
      this.map.set(original, next);
    }
    return next;
  }

  entries(): [original: string, replacement: string][] {
    return [...this.map.entries()];
  }
}
