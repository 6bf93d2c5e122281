import { UsageError } from './command.js';

/** Checks a `YYYY-MM-DD` option value and returns it; names the option when it is wrong. */
export function parseIsoDate(value: string, option: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(`${value}T00:00:00Z`) : null;
  if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} wants a date as YYYY-MM-DD, not "${value}"`);
  }
  return value;
}
