/**
 * Bytes of archive entries held in memory (read out of a zip, not yet read by a worker), across every
 * import of this process. An archive waits for room before it inflates its next entry, so a zip of
 * many large entries cannot fill memory faster than the workers empty it.
 */
export class BytesInFlight {
  private held = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly limit: number) {}

  get bytes(): number {
    return this.held;
  }

  add(n: number): void {
    this.held += n;
  }

  remove(n: number): void {
    this.held = Math.max(0, this.held - n);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when `n` more bytes fit (or nothing is held: one entry up to the entry limit always may go). */
  async room(n: number): Promise<void> {
    while (this.held > 0 && this.held + n > this.limit) await new Promise<void>((r) => this.waiters.push(r));
  }
}

/** Archive bytes in memory at once: with the workers' own buffers, the host stays well under 600 MB. */
export const ZIP_BYTES_IN_FLIGHT = 128 * 1024 ** 2;
export const zipBytesInFlight = new BytesInFlight(ZIP_BYTES_IN_FLIGHT);
