import { UsageError } from './command.js';

/** Checks a positive whole-number option value; names the option when it is wrong. */
export function positiveInt(value: string, option: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${option} wants a positive whole number, not "${value}"`);
  return Number(value);
}
