/**
 * A one-line progress bar on a terminal (files done/total, rate, ETA), redrawn at most ten times
 * a second; silent when the stream is not a terminal, so logs and pipes stay clean.
 */
export class ProgressBar {
  readonly #stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly #total: number;
  readonly #started = performance.now();
  readonly #enabled: boolean;
  #lastDraw = 0;
  #drawn = false;

  constructor(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, total: number, enabled = stream.isTTY === true) {
    this.#stream = stream;
    this.#total = total;
    this.#enabled = enabled && total > 0;
  }

  update(done: number, unit = 'files'): void {
    if (!this.#enabled) return;
    const now = performance.now();
    if (now - this.#lastDraw < 100 && done < this.#total) return;
    this.#lastDraw = now;
    const seconds = (now - this.#started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const eta = rate > 0 ? (this.#total - done) / rate : Infinity;
    const info = ` ${done}/${this.#total} ${unit}  ${rate.toFixed(0)}/s  ETA ${formatDuration(eta)}`;
    const width = Math.max(10, Math.min(40, (this.#stream.columns ?? 80) - info.length - 3));
    const filled = Math.round((done / this.#total) * width);
    this.#stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${info}\x1b[K`);
    this.#drawn = true;
  }

  /** Erases the bar so the next output starts on a clean line. */
  clear(): void {
    if (this.#drawn) this.#stream.write('\r\x1b[K');
    this.#drawn = false;
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)}s`;
  const m = Math.floor(seconds / 60);
  return `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}
