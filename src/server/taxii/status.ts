/**
 * Status resources of POSTs, kept in memory for 24 hours (the spec asks for at least that) and
 * at most 10,000 of them; a status is shown to the partner that made the request only.
 */
const KEEP_MS = 24 * 60 * 60 * 1000;
const MAX = 10_000;

export class StatusBoard {
  readonly #byId = new Map<string, { partnerId: string; at: number; status: Record<string, unknown> & { id: string } }>();

  add<T extends Record<string, unknown> & { id: string }>(partnerId: string, status: T): T {
    this.#expire();
    this.#byId.set(status.id, { partnerId, at: Date.now(), status });
    while (this.#byId.size > MAX) this.#byId.delete(this.#byId.keys().next().value!);
    return status;
  }

  get(id: string, partnerId: string): Record<string, unknown> | undefined {
    this.#expire();
    const s = this.#byId.get(id);
    return s && s.partnerId === partnerId ? s.status : undefined;
  }

  #expire(): void {
    const now = Date.now();
    for (const [id, s] of this.#byId) {
      if (now - s.at < KEEP_MS) break;
      this.#byId.delete(id);
    }
  }
}
