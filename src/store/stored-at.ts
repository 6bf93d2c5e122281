/**
 * A report's storing time (`ingested_at`, TAXII's date_added), drawn when its transaction is the
 * only writer, so that storing times grow in commit order.
 *
 * Why: a TAXII client pages with `added_after` = the last date_added it saw. Were a batch stamped
 * when it started, a batch that began earlier but committed later (it waited for the write lock,
 * or, on PostgreSQL, another writer committed meanwhile) would carry an earlier time than reports
 * the client has already read, and the client would never see it.
 *
 * `strictly`: PostgreSQL draws ids from a sequence, not in commit order, and date_added tells
 * reports of one millisecond apart by id; so each transaction there takes a millisecond of its
 * own. SQLite's ids grow in commit order, so a later transaction may share the millisecond.
 */
export function storedAt(now: number, lastStored: string | null | undefined, strictly: boolean): string {
  const last = lastStored ? Date.parse(lastStored) : Number.NaN;
  if (Number.isNaN(last)) return new Date(now).toISOString();
  return new Date(Math.max(now, strictly ? last + 1 : last)).toISOString();
}
