/**
 * Plays a stack at a fixed rate by calling `step` every 1/fps s. A frame is never skipped: while
 * the previous step (an image still decoding) runs, ticks are dropped, so the rate slows instead.
 */
export class Cine {
  private timer: number | null = null;
  private busy = false;

  get playing(): boolean {
    return this.timer !== null;
  }

  start(fps: number, step: () => Promise<void>): void {
    this.stop();
    this.timer = window.setInterval(() => {
      if (this.busy) return;
      this.busy = true;
      void step().finally(() => (this.busy = false));
    }, 1000 / fps);
  }

  stop(): void {
    if (this.timer !== null) window.clearInterval(this.timer);
    this.timer = null;
    this.busy = false;
  }
}
