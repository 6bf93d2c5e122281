import type { Marking } from '../domain/marking.js';

export const STORE_EVENT_KINDS = ['report.ingested', 'report.replaced', 'duplicate.linked', 'claim.created'] as const;
export type StoreEventKind = (typeof STORE_EVENT_KINDS)[number];

/**
 * What the store tells subscribers after a commit (never before: a rolled-back report raises
 * nothing). Each event carries the report's marking so a stream can apply the access policy
 * (`canSee`) per subscriber without reading the store again.
 */
export type StoreEvent =
  | { kind: 'report.ingested'; reportId: number; origin: string; marking: Marking; duplicateOf: number | null; claims: number; entities: number }
  | { kind: 'report.replaced'; reportId: number; replacedId: number; origin: string; marking: Marking }
  | { kind: 'duplicate.linked'; reportId: number; originalId: number; marking: Marking }
  | { kind: 'claim.created'; claimId: number; reportId: number; marking: Marking };

export type StoreEventListener = (event: StoreEvent) => void;

/** In-process fan-out of events; a failing listener does not stop the others or the writer. */
export class EventHub {
  readonly #listeners = new Set<StoreEventListener>();

  get active(): boolean {
    return this.#listeners.size > 0;
  }

  subscribe(listener: StoreEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(events: readonly StoreEvent[]): void {
    for (const event of events) {
      for (const listener of this.#listeners) {
        try {
          listener(event);
        } catch (e) {
          process.emitWarning(`store event listener failed on ${event.kind}: ${(e as Error).message}`);
        }
      }
    }
  }
}
