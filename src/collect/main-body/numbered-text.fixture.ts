/**
 * Line-numbered text as pdftotext gives a printed bill: an unnumbered cover, then pages whose lines carry their
 * numbers in the margin, each page closed by a footer that repeats with other digits, a form feed, the next page's
 * running header and its number. Written for the tests of `numbered-lines.ts` and of the extraction that reads it.
 */
export function numberedText(pages: readonly (readonly string[])[]): string {
  const cover = ['H:\\DRAFTS\\BILL_012.XML', '', '119th CONGRESS', '   1st Session', '', '  A BILL', '  To require a report on transfers of armed drones at sea.', ''];
  const out = [...cover];
  pages.forEach((lines, p) => {
    if (p > 0) out.push(`\fH:\\DRAFTS\\BILL_012.XML`, '', `${' '.repeat(40)}${p + 1}`);
    lines.forEach((line, i) => out.push(`${String(i + 1).padStart(2)}${' '.repeat(line.startsWith('(') ? 11 : 7)}${line}`));
    out.push('', `s:\\DRAFT\\030326\\030326.112.xml      (7781|${p + 3})`, 'March 3, 2026 (4:15 p.m.)', `VerDate Mar 1 2026  16:15 Mar 03, 2026  Jkt 000000  Frm 0000${p + 1}  Fmt 6652`);
  });
  return out.join('\n');
}

/** Three pages of a bill's findings (the middle one full), with a figure, a name and a sentence broken by the margin. */
export const BILL_PAGES: readonly (readonly string[])[] = [
  [
    'Be it enacted by the Senate and House of Representa-',
    'tives of the United States of America in Congress assembled,',
    'SECTION 1. SHORT TITLE.',
    'This Act may be cited as the ‘‘Coastal Drone Transfers Act’’.',
    'SEC. 2. FINDINGS.',
    'Congress finds the following:',
    '(1) According to the Coast Guard, the Republic of',
    'Moldova has bought at least 240 attack',
  ],
  [
    'drones from foreign suppliers since March 2025.',
    '(2) The harbour police of Moldova now run some',
    '60 patrol boats on the Danube, of which about 20',
    'carry launchers for such drones.',
    '(3) On May 2, 2025, the Maritime Security Service of',
    'the Republic of Moldova reported that 14 of those',
    'boats had been damaged in a storm at Giurgiulesti.',
    '(4) About 1,300 sailors serve in the river fleet.',
    '(5) The Office of Naval Intelligence assessed in',
    'June 2025 that the fleet would need between 300 and',
    '400 more drones to patrol the river at night, and that',
    'the training of crews was directed by the Office of Naval',
  ],
  [
    'Intelligence and would take 2 years.',
    'SEC. 3. REPORT.',
    'Not later than 90 days after the date of the enactment',
    'of this Act, the Secretary of State shall submit a report',
    'on such transfers to the appropriate committees.',
  ],
];
