/**
 * A regex built on its first use rather than when its module loads: `const X = lazyRegExp(() => /…/u)`, used as `X()`.
 *
 * V8 parses a regex when it is created, and a Unicode property escape (`\p{L}`, `\p{Lu}`…) makes ICU build the
 * property's whole character set, about a million instructions per regex, again on its first run. A run of
 * `parallax extract` creates every module-level regex as it starts, but most of those with such an escape serve
 * shapes that few reports have (subtitles, posts, briefings, record labels): built on first use, a report without
 * them never pays for them (−8% of the instructions of one small report, −1.4% of 171 reports; cachegrind). V8
 * shares the parse of regexes with the same source and flags, so a pattern written in several modules is only
 * saved when none of them builds it early.
 */
export function lazyRegExp(build: () => RegExp): () => RegExp {
  let built: RegExp | undefined;
  return () => (built ??= build());
}
