// The partners and markings the live-stream benchmarks share (bench:stream, bench:scale:nats): a
// seeded mix, so every run sees the same partners, clearances, communities and report markings.
const dist = (p) => import(new URL(`../dist/${p}.js`, import.meta.url).href);

export const LEVELS = ['UNCLASSIFIED', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'];
export const COMMUNITIES = ['NATO', 'KOR-UKR', 'EU', 'FVEY', 'QUAD'];
export const TLPS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'];

/** A small seeded generator (LCG): rnd in [0, 1), pick one of, keep some of. */
export function seededRandom(seed = 42) {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  return { rnd, pick: (xs) => xs[Math.floor(rnd() * xs.length)], some: (xs, p) => xs.filter(() => rnd() < p) };
}

/**
 * Adds `count` reader partners (p00, p01, …) of random clearance and communities, each with a
 * token, and a SECRET analyst `poster` to post reports with. Returns the partners (viewers with
 * their token) and the poster's token.
 */
export async function addBenchPartners(store, count, random) {
  const [{ LOCAL_ADMIN }, { newToken, hashToken }] = await Promise.all([dist('domain/viewer'), dist('share/tokens')]);
  const partners = [];
  for (let i = 0; i < count; i++) {
    const p = { partnerId: `p${String(i).padStart(2, '0')}`, clearance: random.pick(LEVELS), communities: random.some(COMMUNITIES, 0.35).sort(), role: 'reader' };
    await store.addPartner(LOCAL_ADMIN, { id: p.partnerId, clearance: p.clearance, communities: p.communities });
    p.token = newToken();
    await store.issueToken(LOCAL_ADMIN, { partnerId: p.partnerId, role: 'reader', tokenHash: hashToken(p.token) });
    partners.push(p);
  }
  await store.addPartner(LOCAL_ADMIN, { id: 'poster', clearance: 'SECRET', communities: [] });
  const posterToken = newToken();
  await store.issueToken(LOCAL_ADMIN, { partnerId: 'poster', role: 'analyst', tokenHash: hashToken(posterToken) });
  return { partners, posterToken };
}

/** A report's marking: released to ALL three times in ten, else to some communities and partners. */
export function randomMarking(random, partners) {
  return {
    classification: random.pick(LEVELS),
    releasableTo: random.rnd() < 0.3 ? ['ALL'] : [...random.some(COMMUNITIES, 0.3), ...random.some(partners.map((p) => p.partnerId), 0.05)],
    tlp: random.pick(TLPS),
  };
}
