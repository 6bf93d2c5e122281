import type { EventStream } from '../share/event-stream.js';
import type { AnalysisCache } from './analysis-cache.js';

/**
 * Looks for new conflicts while reports arrive: a pass analyses, one scope after another, each
 * viewer scope that has stream subscribers (the analysis cache publishes what it finds). A pass
 * starts `delayMs` after a write, and never while another runs: writes during a pass start the
 * next one after it ends. So a steady flow of reports gets passes at a bounded rate instead of
 * none (a debounce would wait for a pause that may never come), and scopes are analysed in turn
 * rather than all at once.
 */
export class ConflictWatch {
  readonly #stream: EventStream;
  readonly #analyses: AnalysisCache;
  readonly #delayMs: number;
  #timer: NodeJS.Timeout | undefined;
  #running = false;
  #again = false;
  #stopped = false;

  constructor(stream: EventStream, analyses: AnalysisCache, delayMs: number) {
    this.#stream = stream;
    this.#analyses = analyses;
    this.#delayMs = delayMs;
  }

  /** A report was written. */
  written(): void {
    if (this.#delayMs < 0 || this.#stopped || this.#stream.subscriberCount === 0) return;
    if (this.#running) this.#again = true;
    else if (this.#timer === undefined) {
      this.#timer = setTimeout(() => void this.#pass(), this.#delayMs);
      this.#timer.unref();
    }
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  async #pass(): Promise<void> {
    this.#timer = undefined;
    this.#running = true;
    try {
      for (const viewer of this.#stream.activeScopes()) {
        if (this.#stopped) return;
        await this.#analyses.get(viewer).catch(() => undefined);
        // Let requests in between two scopes' analyses.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.written();
      }
    }
  }
}
