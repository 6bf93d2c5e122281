import { DEFAULT_CLASSIFICATIONS } from '../domain/marking.js';

/**
 * The classification levels of this deployment, lowest first: $PARALLAX_CLASSIFICATIONS as a
 * comma-separated list, else UNCLASSIFIED < RESTRICTED < CONFIDENTIAL < SECRET.
 */
export function classificationOrder(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const raw = env['PARALLAX_CLASSIFICATIONS'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_CLASSIFICATIONS;
  const levels = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (new Set(levels).size !== levels.length) throw new Error(`PARALLAX_CLASSIFICATIONS names a level twice: ${raw}`);
  for (const l of levels) if (!NAME.test(l)) throw new Error(`PARALLAX_CLASSIFICATIONS: "${l}" is not a level name (letters, digits, - and _)`);
  return Object.freeze(levels);
}

/** Partner ids, community names and classification levels: a plain identifier people can type. */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
