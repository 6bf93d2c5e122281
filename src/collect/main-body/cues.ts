import { isCountsLine, isJumpLine, type BoilerplateKind, type TextBlock } from './text-block.js';
import { lazyRegExp } from '../text/lazy-regexp.js';
import { asOneByte } from '../text/one-byte.js';
import { findSignatureIssuer } from './press-signature.js';

/**
 * Line-level cues of page furniture. Each is a general shape (a label line, a disclosure formula,
 * a byline), not a phrase of a particular outlet.
 */

/**
 * A reader-revenue button's label ("Donate", "Become a member", "Support us"): a tail label under the story, and a
 * subscribe button under an appeal set between its paragraphs (SUBSCRIBE_BUTTON).
 */
const DONATE_BUTTON = String.raw`donate(?: now)?|make a (?:donation|contribution)|contribute|become a (?:member|supporter|patron|subscriber)|support us|support (?:our|independent) journalism`;

/**
 * A release's or a wire story's end mark on a line of its own ("ENDS", "-ends-", "###", "End of story"); a broadcast
 * script's ("End of bulletin") may give the running time it came to ("END OF BULLETIN - 3'12\"").
 */
const END_MARK = /^(?:end of (?:item|story|article|transcript|report|script|bulletin|programme|program|broadcast)(?: [-–—] \d{1,2}['’:]\d{2}(?:"|”|'')?)?|ends|-ends-|###|\*\*\*)$/;

/** An end mark: what follows it (notes to editors, the agency's contacts) is never the story, however long. */
export function isEndMark(block: TextBlock): boolean {
  return block.text.length <= 30 && END_MARK.test(labelOf(block.text));
}

/** A line that is only a section label opening the end matter: what follows is not the story. */
const TAIL_LABELS: ReadonlyArray<[RegExp, BoilerplateKind]> = [
  [/^(?:related|more|other|similar|further|recommended|suggested|popular|trending|latest|top|editors?'? picks?)(?: (?:articles?|stories|story|content|coverage|posts?|links?|reading|sources?|news|topics?|videos?|headlines|for you|now|on this (?:story|topic)))*$/, 'related'],
  [/^more (?:from|on|in|about) .{1,60}$/, 'related'],
  [/^(?:read|see|watch|listen) (?:more|also|next)(?: (?:on|about|from|in|stories|articles|coverage)\b.{0,50})?$|^(?:also|further) read(?:ing)?$|^see also$|^you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|^most (?:read|popular|viewed|shared)|^what to read next|^keep reading/, 'related'],
  [/^(?:\d+ )?(?:comments?|replies|reader comments|responses?)(?: \(\d+\))?$|^(?:leave|post|add|write) a (?:comment|reply)|^(?:join|start) the (?:conversation|discussion)|^(?:show|view|load|hide) (?:all )?comments/, 'comments'],
  [/^(?:download|get|install) (?:the|our) .{0,40}app\b|^(?:sign up|subscribe)(?: (?:for|to|now)\b.*)?$|^(?:newsletter|advertisement|sponsored(?: content)?|promoted(?: stories)?)$/, 'promo'],
  // A reader-revenue button ("Donate", "Become a member", "Support us"): the outlet asks for money, under the story or
  // under an appeal set between its paragraphs (see `isSubscribeButton`).
  [new RegExp(`^(?:${DONATE_BUTTON})$`), 'promo'],
  // A newsletter's sponsor box ("Sponsored by Acme Imaging", "Presented by …") and its pitch to a reader it was
  // forwarded to ("Forwarded this? Subscribe", "Was this forwarded to you? Sign up here").
  [/^(?:sponsored|presented|brought to you) by [^?]{1,60}$|^(?:partner|paid|sponsored) (?:content|post|partnership)$|^(?:was |were you |got )?(?:this |you )?(?:(?:e-?mail|newsletter|message) )?forwarded (?:this|to you|by a (?:friend|colleague))(?: (?:e-?mail|newsletter|message))?(?: to you| by a (?:friend|colleague))?\?(?: ?(?:sign up|subscribe)\b.{0,40})?$/, 'promo'],
  // An aggregator's link to the partner's page the story came from: "Read the full story at Harbor Ledger".
  [/^(?:read|see) (?:the )?(?:full|whole|complete|original) (?:story|article|report) (?:at|on|from) .{1,50}$/, 'related'],
  // The link to the rest of a transcript or an interview that the page gives only in part ("Read the full transcript
  // (members only)"): what the page carries of it ends above.
  [/^(?:read|see|get) (?:the )?(?:full|whole|complete|entire|rest of the) (?:transcript|interview|conversation|episode transcript)(?: \([^)]{1,40}\))?$/, 'other'],
  [/^(?:tags?|topics?|filed under|categories|keywords)$|^(?:share|share this (?:article|story|page)?|follow us(?: on .{1,40})?)$/, 'other'],
  [END_MARK, 'other'],
  // A blog platform's author box under the post ("Written by Ann Vale", then followers and a bio).
  [/^written by [^,;:()]{2,50}$/, 'byline'],
  // A paper's or a report's apparatus: the list of works it cites closes the text ("References (selected)").
  [/^(?:references|bibliography|works cited|literature cited|endnotes|footnotes|notes and references|sources and notes)(?: \([^)]{1,30}\))?$/, 'other'],
  // A report's back matter: who wrote it, how to reach them, what it does not claim; a poll release's note on how its
  // survey was run, after its findings.
  [/^(?:about (?:the )?authors?|authors?(?: information| details)?|author information|about this (?:report|paper|publication|dispatch|brief|briefing|study|analysis|investigation|issue|edition)|about (?:this|the) (?:survey|poll)|acknowledge?ments|(?:media |press )?(?:contacts?|enquiries|inquiries)|press office)$/, 'byline'],
  // A research note's back matter: the analysts' certification and the regulatory disclosures.
  [/^(?:(?:important|regulatory|legal|required) )?(?:disclaimers?|disclosures?)(?: appendix)?$|^legal notice$|^important notice$|^analysts?'? certifications?(?: and (?:important |regulatory )?disclosures)?$/, 'disclosure'],
  // A page's history of its own edits under the text ("Question history", "Market history", "Edit history"), as a
  // correction note is: the page's changes, dated, not its content. (A dataset's "Changelog" or a tracker's "Update
  // log" may state figures of their own: not these.)
  [/^(?:question|market|forecast|prediction|page|edit)s? history$/, 'other'],
  // A legislature's record after the vote: "Resolved," and the motion's text repeated as carried, then the next business.
  [/^resolved,?$/, 'other'],
  // The close of a letter or a sworn statement: signature, title and jurat follow.
  [/^(?:respectfully submitted|yours (?:sincerely|faithfully|truly)|sincerely(?: yours)?|(?:kind|best|warm) regards|with (?:best|kind) wishes),?$/, 'footer'],
];

/**
 * The box about a person or an outlet under a story ("ABOUT CHO HYUN-WOO", "About Anna Kowal"): a
 * name of capitalised words after "About", as "About the author" is. A heading inside a story
 * that starts with "About" goes on in small letters ("About the new rules"). Its Unicode classes make it costly to
 * compile: it is run only on lines opening with its first word.
 */
const ABOUT_BOX = lazyRegExp(() => /^(?:ABOUT|About)\s+(?!(?:THIS|This|THESE|These|OUR|Our)\b)\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}:?$/u);

/**
 * An asterism ("* *** *", "* * *", "⁂"): the end mark of a release, or a break between a feature's
 * sections; the caller tells them apart by what follows (see `paragraphFollows`).
 */
export function isAsterism(t: string): boolean {
  if (t === '⁂') return true;
  if (t.length < 3 || t.length > 12 || t.charCodeAt(0) !== 42) return false;
  let stars = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 42) stars++;
    else if (c !== 32) return false;
  }
  return stars >= 3;
}

/**
 * A share button's label on a line of its own. Newsletter platforms set one in the middle of a
 * post as well as under it, so it closes the story only when no paragraph follows.
 */
export function isShareButton(block: TextBlock): boolean {
  const t = block.text;
  return t.length <= 30 && SHARE_BUTTON.test(labelOf(t));
}
const SHARE_BUTTON = /^share(?: this(?: (?:article|story|page|post))?)?$/;

/**
 * A subscribe button's label on a line of its own ("Subscribe", "Subscribe now", "Sign up"). Newsletter and blog
 * platforms set one in the middle of a post, under their appeal to readers, as well as under the post.
 */
export function isSubscribeButton(block: TextBlock): boolean {
  const t = block.text;
  return t.length <= 40 && SUBSCRIBE_BUTTON.test(labelOf(t));
}
// Also the reader-revenue buttons news sites set under a donation or membership appeal between paragraphs.
const SUBSCRIBE_BUTTON = new RegExp(`^(?:subscribe(?: now| for free)?|sign up(?: now| for free)?|${DONATE_BUTTON})$`);

/**
 * An ad slot's label on a line of its own ("ADVERTISEMENT", "Advertisement"): pages set one between a story's paragraphs, where
 * the advertisement stood, as well as under the story, so it closes the story only when no paragraph follows.
 */
export function isAdSlotLabel(block: TextBlock): boolean {
  const t = block.text;
  return t.length <= 20 && AD_SLOT.test(labelOf(t));
}
const AD_SLOT = /^advertisement$/;

/**
 * An appeal to readers for money or membership ("Our reporting is reader-funded. … donate from $5 a month …"), the
 * paragraph a donation or subscribe button sits under. Matched on `caseFolded` text; read only next to such a button,
 * since a story may tell of donations itself.
 */
const READER_APPEAL =
  /\breader[- ](?:funded|supported)\b|\bdonat(?:e|ion)\b.{0,80}\b(?:a|per) (?:month|year)\b|\b(?:become|becoming) a (?:member|supporter|patron|(?:free or )?paid subscriber)\b|\bsupport (?:us|our (?:work|journalism|reporting|newsroom))\b|\b(?:keep|keeps|help|helps) (?:independent |our )?journalism\b/;

/** The paragraph above a donation or subscribe button: the outlet's appeal to its readers, or its newsletter's note. */
export function isReaderAppeal(block: TextBlock): boolean {
  return block.text.length <= 600 && (READER_APPEAL.test(caseFolded(block.text)) || isFooterNote(block, null));
}

/**
 * Any of the tail labels, each in a group of its own (they have none of their own): the group that took part names
 * the kind. Every label is anchored at the start, so the alternative taken is the first label, in order, that matches.
 * One regex is compiled and run, not also the label's own after it (compiling a regex costs far more than running it).
 */
const ANY_TAIL_LABEL = new RegExp(TAIL_LABELS.map(([re]) => `(${re.source})`).join('|'));

/**
 * A short line that labels a promotion (a sponsor, a sign-up pitch, an app): the first line of a box
 * that is the outlet's, not the story's.
 */
export function isPromoLabel(t: string): boolean {
  return t.length <= 80 && tailLabelKind(labelOf(t)) === 'promo';
}

/** The kind of end matter a short line's label opens, or null when it is no tail label. */
function tailLabelKind(label: string): BoilerplateKind | null {
  const m = ANY_TAIL_LABEL.exec(label);
  if (m === null) return null;
  let group = 1;
  while (m[group] === undefined) group++;
  return TAIL_LABELS[group - 1]![1];
}

/** Opening words of an inline end-matter line ("Read more: Some headline"). */
const INLINE_PROMO = /^(?:read (?:more|also|next)|see also|also read|related(?: articles?| stories| story| coverage)?|more on this|watch|listen)\s*[:|–—-]\s*\S/i;

/**
 * A label with its content on the same line that opens the end matter ("Tags: North Korea, GUR",
 * "Enquiries: Statistics Team, …"): topic lists and contact blocks follow the story, not inside it.
 */
const INLINE_TAIL = /^(?:tags?|topics?|filed under|(?:media |press )?(?:enquiries|inquiries|contacts?))\s*:\s*\S/i;
/** What INLINE_TAIL opens with before its colon (and any blanks), in small letters. */
const INLINE_TAIL_HEADS: ReadonlySet<string> = new Set(['tag', 'tags', 'topic', 'topics', 'filed under', ...['', 'media ', 'press '].flatMap((p) => ['enquiries', 'inquiries', 'contact', 'contacts'].map((w) => p + w))]);

/**
 * The cheap test before INLINE_TAIL: the text before its first colon is one of its labels ("Presenter: …", "In this
 * issue: …" are not), so the regex is compiled only for a text it may match.
 */
function opensInlineTail(t: string): boolean {
  return INLINE_TAIL_HEADS.has(t.slice(0, t.indexOf(':')).trimEnd().toLowerCase());
}

/**
 * The note about the writers or guests with its text on the label's line ("About the authors: Ann Vale is a senior
 * fellow …"): back matter, as the label on a line of its own is. Longer than a contact line, as a bio runs to a few
 * sentences.
 */
const INLINE_ABOUT = /^about (?:the |our |this )?(?:authors?|writers?|contributors?|guests?|speakers?|panell?ists?)\s*:\s*\S/i;
/** Longest such note. */
const MAX_INLINE_ABOUT = 600;

/**
 * A sponsor's read set inside an episode's or a newsletter's page ("This episode is supported by Acme. …", "Today's
 * newsletter is brought to you by …"): an advertisement, not the story, wherever it stands.
 */
const SPONSOR_READ = /^(?:this|today'?s) (?:episode|podcast|show|programme|program|newsletter|edition|issue|video|broadcast) (?:is|was) (?:(?:proudly|kindly) )?(?:supported|sponsored|brought to you|presented|made possible|underwritten) by\b/i;
/**
 * A sponsor's read that closes on its thanks ("Save 20% with code HARBOUR – thanks to Acme for sponsoring this
 * episode!"): the offer before the thanks is the sponsor's, not the story's.
 */
const SPONSOR_THANKS = /\bthanks?(?: you)? (?:to )?[^.!?]{2,60} for sponsoring (?:this|today'?s|the) (?:episode|podcast|show|programme|program|newsletter|edition|issue|video|broadcast|stream)\b[^.!?]{0,40}[.!]?$/i;
/**
 * A creator's appeal to its audience for money ("The channel is funded by listeners: back us on Patreon", "Support
 * the show at patreon.com/…"): it closes a video's or a podcast's description, with the credits around it.
 */
const PATRON_APPEAL = /\b(?:is|are) (?:funded|supported|paid for) by (?:its |our )?(?:viewers|listeners|readers|subscribers|members|patrons|supporters)\b|\b(?:join|support|back|follow) (?:us |the (?:show|channel|podcast) )?(?:on|at|via) patreon\b|\bpatreon\.com\//i;
/** Longest sponsor read (a few sentences of pitch). */
const MAX_SPONSOR_READ = 600;
/** SPONSOR_READ's first word, "this" or "today" in any case (the cheap test before that case-blind regex). */
function opensSponsorRead(t: string): boolean {
  const head = t.slice(0, 6).toLowerCase();
  return head.startsWith('this ') || head.startsWith('today');
}

/** A correction notice closes the story even when it carries its text on the same line. */
const CORRECTION = /^(?:corrections?|clarifications?|(?:editor|translator)'?s? note|update)\s*(?:\([^)]*\))?\s*:/i;
/**
 * A site's note under a statement it relays, headed by the site's name ("Note from the Harbour Post: this is a
 * translation of …", "Note from the editors: …"): the editors' words, not the statement's. Capitals as written, so
 * "Note from the field:" opens no note.
 */
const NOTE_FROM = lazyRegExp(() => /^[Nn]ote from (?:the )?(?:[Ee]ditors?|[Tt]ranslators?|\p{Lu}[\p{L}&'’-]*(?: \p{Lu}[\p{L}&'’-]*){0,4})\s*:/u);

/** Author disclosures and republication notices that news syndication appends (matched on `caseFolded` text). */
const DISCLOSURE =
  /does not work for, consult, own shares in|has disclosed no relevant affiliations|(?:is|was) (?:re)?published (?:from|with (?:the )?permission|under a creative commons)|republished (?:from|under|with permission)|originally (?:appeared|published) (?:in|on|at)|under a creative commons licen[cs]e|declares? no (?:competing|conflicts?)|(?:receives?|has received|have received) funding from|this (?:article|story|piece) (?:first )?appeared (?:in|on)/;

/** Image and video credits, caption sources (matched on `caseFolded` text). */
const CREDIT = /^(?:(?:main |top |featured |cover )?(?:image|photo(?:graph)?|picture|video|graphic|illustration|map|music)s?(?: source| credit)?s?|credits?|sources?|via)\s*[:|–—-]\s*\S|^(?:photo|image|picture)s? (?:by|courtesy(?: of)?)\b/;

/**
 * A caption opened by a bracketed label of what it captions ("[Photo] A medic at the checkpoint. (Name/Agency)",
 * "[Video 2]", "[Image: map]"): a page saved as text keeps the figure's label before its caption, which is not the
 * story's prose wherever it stands. Matched on `caseFolded` text.
 */
const MEDIA_CAPTION = /^\[(?:photo(?:graph)?|image|picture|video|graphic|illustration|map|chart|infographic|gallery|caption)s?(?: \d{1,2})?(?:\s*[:|–—-][^\]]{0,40})?\]\s*\S/;
/** Longest such caption (a sentence or two and its credit). */
const MAX_MEDIA_CAPTION = 500;

/** Broadcast-script directions: [STING …], (MUSIC), [TRAIL: …]. */
const STAGE_DIRECTION = /^\[[^\]]*\]$|^\([^)]*\)$/;

/**
 * A wire item's staff credit: "(Reporting by …; Editing by …)", "(Writing by …)", "(Compiled by the
 * … desk)". Set under each item of a roundup, it lies inside the story, but names staff and their
 * desks, not anything the item reports: an aside, as a footer is, not a caption that stays.
 */
const STAFF_CREDIT = lazyRegExp(() => /^\(?(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Rr]eported|[Ww]ritten|[Ee]dited) by (?:\p{Lu}|the )/u);
/** How STAFF_CREDIT's verbs end, right before its first " by ": the cheap test before it. */
const STAFF_VERB_ENDINGS = ['eporting', 'riting', 'diting', 'ompiled', 'eported', 'ritten', 'dited'];
/** Longest staff credit line (several reporters, places and editors). */
const MAX_STAFF_CREDIT = 240;

/** A staff credit line in brackets, or bare and without a full stop (a sentence "Reported by …" is prose). */
function isStaffCredit(t: string): boolean {
  // " by " first, where a credit has it (at most 21 characters in, after "(Additional Reporting"): the Unicode regex is
  // compiled only for a text that may hold a credit.
  const by = t.indexOf(' by ');
  if (t.length > MAX_STAFF_CREDIT || by < 0 || by > 21 || !STAFF_VERB_ENDINGS.some((e) => t.endsWith(e, by)) || !STAFF_CREDIT().test(t)) return false;
  return t.charCodeAt(0) === 40 ? t.charCodeAt(t.length - 1) === 41 : !t.endsWith('.');
}

/**
 * Notes to the reader or presenter, a release's "For immediate release" or embargo line, production notes ("This report is produced by … It covers …"),
 * newsletter delivery lines and sponsor lines ("Presented by …, trusted by …"), tables of contents, and a copyright
 * or licence line ("© 2025 The Author(s). … Creative Commons …"), and a draft's version and status line ("Version 0.6,
 * 12 May 2025. Not for citation."): above the story it is the masthead's, however much prose it holds.
 */
// Also a digital archive's note on its text of a printed page ("Text … produced by optical character recognition (OCR)
// … has not been corrected", "Uncorrected OCR text"): a note on the scan, not the story it opens.
// Also a pointer to another page above the story ("Click here to see our interactive map …").
// Also the record line a hearing's transcript opens with ("The committee met, pursuant to call, at
// 10 a.m., …"): procedure above the first speaker, not the proceedings.
// Also a transcript's note to the reader, maybe set as a bullet ("* This is an edited transcript of a live interview. When
// quoting, please cite …"): how the text was made and how to credit it, above the broadcast's first words.
// Also the reading time and translation credit a paper's edition sets under its byline ("Reading time: 4 min.
// Translated from the French by …").
// Matched on `caseFolded` text: "[a-z]{3}" is any three ASCII letters, as "[A-Z][a-z]{2}" case-blind was.
// Also the language a transcript or a translation gives for its text ("Language: Korean with English interpretation.").
// Also a live page's closing note above its summary ("Live updates have ended. This summary replaces our live coverage").
// Also an assessment's cutoff line ("Data Cutoff: 3pm ET on May 2. Events after it are covered in the next update."):
// the scope of the report, set above it.
// Also the note under a page's machine-made summary box ("This summary was generated by AI and checked by an editor."):
// the box's, not the story's first paragraph.
// Also a book's note on its data or terms above a chapter or an entry ("Note on data: unless otherwise indicated,
// figures are current as at …"), and a copy's use line ("For personal research use only."): the edition's apparatus.
// Also a printed paper's transmittal line above a written answer ("The answer was transmitted on behalf of the Federal
// Government by letter of the Federal Foreign Office dated …"): how the paper reached parliament, not the answer.
const HEADER_NOTE =
  /^the (?:written )?(?:answer|reply) (?:was|has been) (?:transmitted|submitted|forwarded|sent)(?: on behalf of| by letter)\b|^(?:this )?live (?:updates?|coverage|blog|reporting)(?: (?:has|have))? (?:ended|concluded|closed|finished)\b|\breplaces our live (?:coverage|updates|blog)\b|^(?:note|notes|editor'?s note|note to [\w ]{1,30}|notes? on (?:the )?[a-z]+(?: [a-z]+)?|programme note|production note)\s*:|(?:^|\. |\bfor )(?:personal|private|internal|non-commercial|educational) (?:research |study )?use only\b|^(?:in (?:this|today'?s) (?:issue|edition|newsletter)|inside(?: this issue)?)\s*:|^(?:original )?language\s*:|^(?:[*•] )?this (?:interview|transcript|conversation|article|story) has been (?:edited|condensed|lightly edited)|^(?:[*•] )?this is an? (?:edited|abridged|condensed|lightly edited|partial|unofficial) (?:transcript|version|translation)\b|\bwhen quoting(?: (?:from )?(?:this|it))?,? (?:please )?(?:cite|credit|attribute)\b|^(?:(?:suggested|recommended|preferred) citation|(?:please )?cite (?:this (?:[a-z]+ )?)?as|how to cite(?: this [a-z]+)?)\s*:|^this (?:report|update|bulletin|document|brief|briefing|sitrep|situation report|flash update|snapshot|dashboard) (?:is|was|has been) (?:jointly )?(?:produced|prepared|compiled|issued)\b|you(?:'re| are) receiving this|view (?:it |this |(?:this |the )?(?:e-?mail|newsletter|issue|message) )?(?:in|on) (?:your |a |the )?(?:web )?browser|^(?:listen to|watch) (?:this|the) (?:article|story)|^click here (?:to|for)\b|\bmin(?:ute)?s? read$|^(?:estimated )?reading time\s*:?\s*\d{1,3}\s*min|^translated from the [a-z]+ by\b|^(?:©|\(c\) \d{4}|copyright (?:©|\(c\) )?\d{4})|^(?:updated|published|posted|last updated)(?: on)?:?\s+(?:\d|[a-z]{3})|^(?:for immediate release|embargoed\b)|^(?:classified|declassified|drafted|cleared|approved|prepared|released|authori[sz]ed) by\s*:|^(?:presented|sponsored|brought to you|powered) by\b|^in partnership with\b|^the (?:\w+ )?(?:committee|subcommittee|commission|panel|council|board|house|senate) (?:met|convened),? pursuant to\b|\b(?:optical character recognition|ocr)\b.{0,120}\b(?:not been (?:checked|corrected|proofread|reviewed)|uncorrected|may contain (?:errors|mistakes)|page image)|\b(?:uncorrected|unedited|raw|automatically generated) ocr\b|^(?:draft|version|revision|rev\.|v) ?\d+(?:\.\d+)*(?:[,;|]| [-–—(]|$)|\bnot for (?:onward |further )?(?:citation|circulation|quotation|distribution)\b|^(?:(?:data|information|intelligence|reporting|research) )?cut-?\s?off(?: date| time)?\s*:|^(?:this|the|these) (?:summary|summaries|key points|highlights|bullet points)(?: above)? (?:was|were|is|are|has been|have been) (?:automatically |partly |machine[- ])?(?:generated|produced|written|created|drafted)\b/;

/**
 * End matter that names the outlet, the newsletter or the staff, or sends the reader to a link ("… click here."), or
 * a report's acknowledgement of its participants and funders ("… was supported by a grant from …; funders had no role").
 * Also a release's list of what is sent with it ("Attachment 1. Timeline of …", "Enclosures: 2") and a translation's
 * disclaimer ("This text is a provisional translation; … the original text prevails."; "This article is a translation of
 * an original published in …"), and a memo's or fact sheet's
 * distribution list ("Distribution: Office of the Minister; …"): the document's apparatus.
 */
// Also the editor's line under an interview ("*This interview has been edited for length.*", "This interview was
// conducted in Polish and has been condensed.", "The interview was held in Riga on 2 May. It has been edited."), and a signed piece's
// disclaimer ("The views expressed … are solely those of the author."; "The institute does not take positions …"), and an
// event summary's thanks to its sponsor and its disclaimer ("The Institute thanks the Foreign Office for supporting this
// roundtable. The views expressed are those of the participants.").
// Also the editor's note on a story's versions under it ("This story has been updated to include comments from …",
// "This article was corrected on May 3 …"): about the text, not the news; "this" names the story itself.
// Also a paper's note that wire copy went into its story ("Information from wire services was used in this report.").
// Also a correction notice ("An earlier version of this story misstated …"), a note on the writer ("The writer is a
// former envoy … Views are personal."; a post's "Views are my own, not my employer's.", "Opinions my own."), on how an interview was given ("The answers above were given in writing.")
// and a wire credit ("--With assistance from …").
// Also a note on the publication's schedule ("Note: We will not publish an edition on Monday for the holiday.").
// Also a notice that closes on a label and a telephone number ("The club meets again on 3 May. Information: (555) 010-2030."):
// a listing for readers, set after the story. Also the desk's call for readers to write in, set under a column ("Have a
// question for the science desk? Write to …", "Got a tip? Email us at …").
// Also a letters page's rules for writing in ("Letters should be no longer than 300 words …", "Send your letters to …",
// "They may be edited for length and clarity."), set under the last letter.
// Matched on `caseFolded` text: "by [a-z]" is "by" and any ASCII letter, as "by [A-Z]" case-blind was.
// One regex of all these formulas cost ~11 M instructions to compile (again for two-byte text), and a
// report's footer matches at most a few of them. So each part is tried only when the text holds a word that every
// match of that part needs (an opening word for the parts tied to the start), and a part that is one fixed phrase is
// looked for as a string: a run compiles only the parts whose words its footers hold, and the answer is the same.
const FOOTER_NOTE_PARTS: ReadonlyArray<readonly [(f: string) => boolean, RegExp | null]> = [
  [(f) => f.includes('newsletter') || f.includes('subscri'), /\bnewsletter\b|\bsubscribe\b|\bpaid subscri(?:bers?|ptions?)\b/],
  [(f) => f.includes('unsubscribe') || f.includes('additional reporting by') || f.includes('all rights reserved') || f.includes('©') || f.includes('follow us on') || f.includes('sign up for') || f.includes('sign up to') || f.includes("you're receiving this") || f.includes('you are receiving this'), null],
  [(f) => f.includes('forward '), /forward (?:it|this|the \w+) to/],
  [(f) => f.includes('s it for ') || f.includes('s all for '), /that'?s (?:it|all) for (?:this|today|now)/],
  [(f) => f.includes('d by ') || f.includes('n by '), /\b(?:edited|written|produced|compiled|reported) by [a-z]/],
  [(f) => f.includes('grant') || f.includes('funding') || f.includes('generous support'), /\b(?:supported|funded|made possible) by (?:a |the )?(?:grant|funding|generous support)\b/],
  [(f) => f.includes('is published by'), /\bis published by\b/],
  [(f) => f.includes('thank') && f.includes(' for'), /\bthanks? (?:the )?[^.]{2,80} for (?:supporting|funding|sponsoring|hosting) (?:this|the) (?:event|meeting|roundtable|workshop|seminar|conference|symposium|dialogue|project|study|research|report|paper|publication|series)\b|thanks? (?:you )?for reading|\bthanks? (?:all |the |our )?(?:participants|contributors|interviewees|reviewers|speakers) for\b/],
  [(f) => f.includes('letters') || f.startsWith('submissions') || f.startsWith('contributions'), /^(?:letters|submissions|contributions)(?: to the editor)? (?:should|must|may)(?: not)? (?:be|include|contain|not exceed)\b|\b(?:send|submit|e-?mail|post) (?:your )?letters(?: to the editor)? to\b/],
  [(f) => f.includes(' be edited for '), /\b(?:may|will) be edited for (?:length|clarity|style|space)\b/],
  [opensWithThisOrThe, /^[*_]{0,2}this (?:story|article|report|piece|post) (?:has been|was) (?:updated|corrected|revised|amended|changed) (?:to|on|at|since|from|with|after|because)\b|^(?:a version of )?this (?:story|article|report|piece|essay|feature) (?:appears|appeared|will appear|ran) in (?:print\b|the [^.]{0,60}?\b(?:print|issue|edition)\b)|^the (?:writer|author|columnist)s? (?:is|are|was|were) (?:a|an|the)\b|^[*_]{0,2}(?:this|the) (?:interview|transcript|conversation|q ?& ?a) (?:was (?:conducted|recorded|held|translated) [a-z0-9 ,]{1,60}?(?: and|\. it) )?has been (?:lightly )?(?:edited|condensed)|^this (?:article|story|text|piece) is a translation of\b/],
  [(f) => f.startsWith('a') && f.includes(' version of this '), /^an? (?:earlier|previous) version of this (?:story|article|report|piece|post)\b/],
  [(f) => (f.startsWith('have ') || f.startsWith('got ') || f.startsWith('do you have ')) && f.includes('?'), /^(?:have|got|do you have) (?:an? |any )?(?:questions?|tips?|story ideas?|news tips?|feedback|comments?|corrections?)\b[^.?!]{0,60}\?/],
  [(f) => f.includes(' us at'), /\b(?:e-?mail|write to|contact|reach) us at\b/],
  [(f) => f.includes('can be '), /^(?:editorial )?(?:complaints|corrections|comments|feedback|queries)\b[^.]{0,60}\bcan be (?:sent|made|emailed|addressed|directed) to\b/],
  [(f) => f.startsWith('views', f.startsWith('all ') ? 4 : 0) || f.startsWith('opinions', f.startsWith('all ') ? 4 : 0), /^(?:all )?(?:views|opinions)(?: (?:and|&) (?:views|opinions))?(?: expressed)?(?: here)? (?:are )?(?:personal|(?:my|our) own|(?:the )?(?:author|writer)['’]s own)/],
  [(f) => f.includes('expressed '), /\b(?:views|opinions) expressed (?:in this [a-z-]+ |here(?:in)? )?are (?:solely |entirely )?(?:those of the (?:authors?|writers?|participants|speakers|contributors|panell?ists)\b|the (?:authors?|writers?)'s? own)/],
  [(f) => f.includes(' in writing') || f.includes(' by e'), /^(?:the )?(?:answers|responses|replies|interview) (?:above |below )?(?:were|was) (?:given|provided|submitted|sent|conducted) (?:in writing|by e-?mail)\b/],
  [(f) => f.includes('with ') && (f.includes('assistance ') || f.includes('reporting ')), /^[-–—]*\s*with (?:additional )?(?:assistance|reporting) (?:from|by)\b/],
  [(f) => f.includes('contributed '), /contributed (?:to )?(?:this )?report(?:ing)?/],
  [(f) => f.includes('ctrl'), /ctrl\s*\+\s*enter/],
  [(f) => f.includes('copyright'), /\bcopyright\b/],
  [(f) => f.includes('support '), /\bsupport (?:our|independent) journalism/],
  [(f) => f.includes('click here'), /\bclick here\b/],
  [(f) => f.includes('upgrade to '), /\bupgrade to (?:paid|premium)\b/],
  [(f) => f.includes('funder'), /\bfunders? (?:had|have|played) no (?:role|part)\b/],
  [(f) => f.startsWith('attachment') || f.startsWith('enclosure'), /^(?:attachments?|enclosures?)(?: (?:no\. ?)?\d{1,2})?\s*[.:)–-]\s*\S/],
  [(f) => f.includes(' translation'), /\bis an? (?:provisional|unofficial|informal|courtesy|machine) translation\b/],
  [(f) => f.includes(' prevail'), /\b(?:text|version|original) (?:shall )?prevails?\b/],
  [(f) => f.startsWith('distribution'), /^distribution(?: list)?\s*:\s*\S/],
  [endsOnNumber, /\b(?:information|info|details|inquiries|enquiries|contact|rsvp|tickets|registration|reservations)\s*:\s*\+?\(?\d[\d() .-]{6,18}\d\.?$/],
  [(f) => f.includes('does not take '), /\bdoes not take (?:institutional )?positions\b/],
  [(f) => f.includes('will not '), /\bwill not (?:publish|appear|be published)\b[^.]{0,80}\b(?:edition|issue|newsletter|bulletin)s?\b/],
  [(f) => f.includes('there will be no '), /^(?:note: )?there will be no (?:[a-z-]+ ){0,3}(?:edition|issue|newsletter|bulletin)\b/],
  [(f) => f.startsWith('information from ') || f.startsWith('material from ') || f.startsWith('reporting from '), /^(?:information|material|reporting) from (?:wire services|news agencies|the associated press|[a-z.&' -]{2,40} wire reports?)\b.{0,30}\b(?:was|were) (?:used|included) in this (?:report|story|article)/],
];

/** Opens on "this " or "the " (after at most two of "*" and "_"), or on "a version of this ". */
function opensWithThisOrThe(f: string): boolean {
  let i = 0;
  while (i < 2 && (f.charCodeAt(i) === 42 || f.charCodeAt(i) === 95)) i++;
  return f.startsWith('this ', i) || f.startsWith('the ', i) || f.startsWith('a version of this ');
}

/** Closes on a digit, or on a digit and a full stop, with a colon before: a label and a telephone number can. */
function endsOnNumber(f: string): boolean {
  let end = f.length - 1;
  if (f.charCodeAt(end) === 46) end--;
  const c = f.charCodeAt(end);
  return c >= 48 && c <= 57 && f.includes(':');
}

/** The text (case-folded) holds one of the footer formulas above. */
function isFooterText(f: string): boolean {
  for (const [needs, re] of FOOTER_NOTE_PARTS) if (needs(f) && (re === null || re.test(f))) return true;
  return false;
}

/**
 * The text in small letters, for the formulas written in small letters (here and in the main body's other modules).
 * Matching it is what a case-blind regex (without the u flag) does to the original: no other character folds to an
 * ASCII letter, and lower case keeps the length. A case-blind regex costs several times as much to compile, and each
 * of these is compiled once a run, which costs more than all its matches. Two characters lower to ASCII (the Kelvin
 * sign to "k", "İ" to "i" and a dot): a text holding one has only its ASCII capitals lowered.
 */
export function caseFolded(t: string): string {
  if (t.indexOf('\u212a') < 0 && t.indexOf('\u0130') < 0) return t.toLowerCase();
  let out = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    out += c >= 65 && c <= 90 ? String.fromCharCode(c | 32) : t[i];
  }
  return out;
}

// A magazine credits its interviewers over the Q&A: "Interview conducted by …", "Interviewed by …".
// A broadcaster credits the desk that put the broadcast into text: "Text arranged by the … News Team", "Transcribed by …".
const BYLINE = /^(?:by|from|(?:[Ii]nterview(?:ed| [Cc]onducted)?|[Cc]onducted) by|reporting by|words by|analysis by|written by)\s+[A-Z]|^(?:[Tt]ext|[Tt]ranscript) (?:arranged|compiled|prepared|adapted|edited) by\s+(?:the\s+)?[A-Z]|^[Tt]ranscribed by\s+(?:the\s+)?[A-Z]/;
/**
 * "By Tomasz Wierzbicki, Verification Desk", "By Dan Reyes and Mia Lund": "By" and a name of two to
 * four capitalised words, then the end, a desk or outlet after a separator, or a second name. A
 * lead that opens "By December, Russia had …" names no one (one capitalised word, then prose). A name may carry
 * where its writer filed from in brackets ("By Ann Roy (Kyiv, special correspondent) and …").
 */
const CAPITAL_BYLINE = lazyRegExp(
  () => /^By\s+\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|da|del)){1,3}(?:\s+\([^()\n]{2,40}\))?(?:\s*$|\s*[,|·•—–]\s*[^\n]{1,60}$|\s+and\s+\p{Lu}[^\n]{1,60}$)/u,
);
/**
 * Whether the line opens with "By", as CAPITAL_BYLINE does: its Unicode classes make it costly to compile, so it is
 * run (and compiled) only for such lines, on a one-byte copy of the line (asOneByte: no two-byte build for a Latin-1
 * line of a report that is two-byte text).
 */
export const opensWithBy = (t: string): boolean => t.charCodeAt(0) === 66 && t.charCodeAt(1) === 121;
/** Longer than any byline: a paragraph that opens with "By" and two capitalised words is prose. */
const MAX_BYLINE = 100;
const SPEAKER = /^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}(?: \([^)]{1,40}\))?:\s/;
/** "Our Standards: …", "My Account: …": a label in the outlet's first person names a page of its own, no speaker. */
const isSpeakerLine = (t: string): boolean => SPEAKER.test(t) && !(t.startsWith('Our ') || t.startsWith('My '));

export type BlockRole =
  | { role: 'prose' }
  | { role: 'heading' }
  | { role: 'item' }
  /** Page furniture: kept out of the main body but does not end the story. */
  | { role: 'furniture'; kind: BoilerplateKind }
  /** Opens the end matter: the story is over. */
  | { role: 'tail'; kind: BoilerplateKind };

/**
 * Words one of which every disclosure formula contains (as written, case and all): a cheap test
 * before the case-blind regex. One regex finds any of them faster than a search per word.
 */
const DISCLOSURE_KEYS = /shares in|affiliations|ublish|funding|icen|appeared|competing|conflict/;

// Roles without a kind are shared: callers only read them.
const PROSE: BlockRole = Object.freeze({ role: 'prose' });
const HEADING: BlockRole = Object.freeze({ role: 'heading' });
const ITEM: BlockRole = Object.freeze({ role: 'item' });

/** What one block is, from its words alone. */
export function classifyBlock(block: TextBlock): BlockRole {
  const t = block.text;
  if (t.length <= 80) {
    const kind = tailLabelKind(labelOf(t));
    if (kind !== null) return { role: 'tail', kind };
    if (isAsterism(t)) return { role: 'tail', kind: 'other' };
    // The part of a printed story this page carries ends at its jump line.
    if (isJumpLine(t)) return { role: 'tail', kind: 'other' };
    if ((t.startsWith('About') || t.startsWith('ABOUT')) && ABOUT_BOX().test(t)) return { role: 'tail', kind: 'byline' };
  }
  // The anchored formulas are tried only when the first two letters can open them.
  const c = t.charCodeAt(0);
  const opens = openingOf(t);
  if (CORRECTION_OPENS.has(opens) && isReaderNoteText(t)) return { role: 'tail', kind: 'other' };
  if (t.length <= 300 && INLINE_TAIL_OPENS.has(opens) && t.indexOf(':') >= 0 && opensInlineTail(t) && INLINE_TAIL.test(t)) return { role: 'tail', kind: 'other' };
  if (t.length <= MAX_INLINE_ABOUT && opens === ABOUT_OPENS && INLINE_ABOUT.test(t)) return { role: 'tail', kind: 'byline' };
  if (t.length <= MAX_SPONSOR_READ && SPONSOR_OPENS.has(opens) && opensSponsorRead(t) && SPONSOR_READ.test(t)) return { role: 'furniture', kind: 'promo' };
  if (t.length <= MAX_SPONSOR_READ && t.includes('for sponsoring') && SPONSOR_THANKS.test(t)) return { role: 'furniture', kind: 'promo' };
  if (t.length <= MAX_SPONSOR_READ && (t.includes('atreon') || t.includes('funded by')) && PATRON_APPEAL.test(t)) return { role: 'tail', kind: 'promo' };
  if (t.length <= 600 && mayDisclose(t) && DISCLOSURE.test(caseFolded(t))) return { role: 'tail', kind: 'disclosure' };
  if (t.length <= 200 && INLINE_PROMO_OPENS.has(opens) && INLINE_PROMO.test(t)) return { role: 'furniture', kind: 'related' };
  if (t.length <= 160 && CREDIT_OPENS.has(opens) && CREDIT.test(caseFolded(t))) return { role: 'furniture', kind: 'other' };
  if (isStaffCredit(t)) return { role: 'furniture', kind: 'footer' };
  // A statement's closing signature ("Press service of the Ministry of …"): the statement ends above it.
  if (findSignatureIssuer(t) !== undefined) return { role: 'tail', kind: 'byline' };
  if (t.length <= 300 && (c === 91 || c === 40) && STAGE_DIRECTION.test(t)) return { role: 'furniture', kind: 'other' };
  if (c === 91 && t.length <= MAX_MEDIA_CAPTION && MEDIA_CAPTION.test(caseFolded(t))) return { role: 'furniture', kind: 'other' };
  if (isCountsLine(t)) return { role: 'furniture', kind: 'footer' };
  if (t.includes('...') && isLeaderFields(t)) return { role: 'furniture', kind: 'other' };
  if (t.length <= 160 && APP_PROMO_OPENS.has(opens) && APP_PROMO.test(t)) return { role: 'furniture', kind: 'promo' };
  if (t.length <= MAX_FORWARD_PITCH && FORWARD_PITCH_OPENS.has(opens) && FORWARD_PITCH.test(t)) return { role: 'furniture', kind: 'promo' };
  if (block.linkDensity !== undefined && block.linkDensity > 0.6 && t.length < 300) return { role: 'furniture', kind: 'navigation' };
  if (isLoginPrompt(t)) return { role: 'furniture', kind: 'other' };
  if (block.heading) return HEADING;
  if (block.listItem) return isProse(t) || t.length > 40 ? ITEM : HEADING;
  if (isProse(t)) return PROSE;
  return HEADING;
}

const APP_PROMO = /^(?:download|get|install) (?:the|our) .{0,40}app\b/i;

/**
 * A newsletter's pitch to a reader it was forwarded to, set as a sentence of its own on the web copy ("Forwarded this?
 * Sign up here to get the bulletin every Friday at 6 a.m."): the outlet's, wherever it stands; too long for the tail
 * label's short form ("Forwarded this? Subscribe").
 */
const FORWARD_PITCH = /^(?:was |were you |got )?(?:this |you )?(?:(?:e-?mail|newsletter|message) )?forwarded (?:this|to you|by a (?:friend|colleague))(?: (?:e-?mail|newsletter|message))?(?: to you| by a (?:friend|colleague))?\?\s*(?:sign up|subscribe|join)\b/i;
const MAX_FORWARD_PITCH = 200;

/**
 * An editors' note to the reader on the story itself ("Correction: …", "Editor's note: This story is part of …", "Note
 * from the editors: …"): under a story it closes it, above one it is the header's.
 */
export function isReaderNote(t: string): boolean {
  return CORRECTION_OPENS.has(openingOf(t)) && isReaderNoteText(t);
}

function isReaderNoteText(t: string): boolean {
  return (CORRECTION.test(t) && !RECORDING_POINT.test(t)) || (t.startsWith('ote from ', 1) && NOTE_FROM().test(t));
}

/**
 * A correction that points at a moment of a recording ("Correction: At 4:05 we say …", "CORRECTION (12:30): …"): a
 * video's or a podcast's notes correcting what was said in it, one of the notes' sections, not a note on the text.
 */
const RECORDING_POINT = /^[^:]{0,40}?(?:\(\s*\d{1,2}:\d{2}(?::\d{2})?\s*\)\s*:|:\s*(?:at|around|from|in)\s+(?:\d{1,2}:)?\d{1,2}:\d{2}\b)/i;

/** "Log in to make a prediction.", "Sign in or register to comment": what a page asks of a reader before a control. */
const LOGIN_PROMPT = /^(?:please )?(?:log ?in|sign ?in|sign up|register|create an account)(?: or (?:log ?in|sign ?in|sign up|register|create an account))? to [a-z][a-z ,'’-]{2,60}[.!]?$/i;
/** The first three letters of a login prompt, in small letters. */
const LOGIN_OPENINGS: ReadonlySet<string> = new Set(['log', 'sig', 'reg', 'cre', 'ple']);
/** The longest login prompt read. */
const MAX_LOGIN_PROMPT = 90;

/** A site's prompt to log in to do something, anywhere on the page: furniture, never the story's first paragraph. */
function isLoginPrompt(t: string): boolean {
  // Cheap gate: the first three letters of "log", "sign", "register", "create" or "please", either case.
  return t.length <= MAX_LOGIN_PROMPT && LOGIN_OPENINGS.has(String.fromCharCode(t.charCodeAt(0) | 32, t.charCodeAt(1) | 32, t.charCodeAt(2) | 32)) && LOGIN_PROMPT.test(t);
}

/** A form's field: a label in capitals, dot leaders, its value ("LOG REF ......... 07", "PERIOD ....... 1-7 MAY"). */
const LEADER_FIELD = /(?:^|\s)[A-Z][A-Z0-9/&' -]{0,30}?\s?\.{3,}\s?(?=\S)/g;
/** Fewest fields that make a block a form rather than a sentence that trails off ("WAIT ... THEN GO"). */
const MIN_LEADER_FIELDS = 3;
/** How much of the block's start must hold a whole field: the form opens the block. */
const FIRST_LEADER_FIELD = 40;

/**
 * The fields of a form above a log or a report ("LOG REF ..... X", "PERIOD ..... Y", "COMPILED BY ..... Z", lines
 * joined into one block): the document's particulars, set out as a form, not its text.
 */
function isLeaderFields(t: string): boolean {
  // `search` and a global `match` both read from the text's start, whatever lastIndex says: no state between calls.
  if (t.slice(0, FIRST_LEADER_FIELD).search(LEADER_FIELD) < 0) return false;
  const n = t.match(LEADER_FIELD)?.length ?? 0;
  return n >= MIN_LEADER_FIELDS;
}

/**
 * The first two characters as one number, ASCII letters in lower case (a case-blind regex of ASCII
 * words matches no other character); -1 when either is not an ASCII letter.
 */
function openingOf(t: string): number {
  const a = t.charCodeAt(0) | 32;
  const b = t.charCodeAt(1) | 32;
  return a >= 97 && a <= 122 && b >= 97 && b <= 122 ? (a << 8) | b : -1;
}
const openings = (words: string): ReadonlySet<number> => new Set(words.split(' ').map(openingOf));
/** Words each anchored formula can open with (see the regexes): only their first two letters count. */
const CORRECTION_OPENS = openings('corrections clarifications editor translator note update');
const INLINE_TAIL_OPENS = openings('tags topics filed media press enquiries inquiries contacts');
const INLINE_PROMO_OPENS = openings('read see also related more watch listen');
const CREDIT_OPENS = openings('main top featured cover image photo picture video graphic illustration map music credits sources via');
const APP_PROMO_OPENS = openings('download get install');
const FORWARD_PITCH_OPENS = openings('forwarded was were got');
const ABOUT_OPENS = openingOf('about');
const SPONSOR_OPENS = openings('this today');

/**
 * A short line as the tail labels are written: lower case, without the marks that may close it
 * ("Related stories:", "More »") or open it ("» Comments"). Trimmed by hand: a regex anchored at
 * the end only would be tried at every position of the line.
 */
export function labelOf(t: string): string {
  let end = editLinkStart(t);
  while (end > 0 && isLabelCloser(t.charCodeAt(end - 1))) end--;
  let start = 0;
  while (start < end && isLabelOpener(t.charCodeAt(start))) start++;
  if (start > 0) while (start < end && isRegexSpace(t.charCodeAt(start))) start++;
  return (start === 0 && end === t.length ? t : t.slice(start, end)).toLowerCase();
}

/**
 * Where the section-edit link of a wiki heading starts ("See also[edit]", "References [ edit |
 * edit source ]"): encyclopedia pages set it after every heading, so the label is read without it.
 * The line's length when it has none (most lines do not end in a bracket).
 */
function editLinkStart(t: string): number {
  const n = t.length;
  if (t.charCodeAt(n - 1) !== 93 /* ] */) return n;
  const m = EDIT_LINK.exec(t);
  return m === null ? n : m.index;
}
const EDIT_LINK = /\s*\[\s*edit(?: source)?(?:\s*\|\s*edit source)?\s*\]$/i;

/** As `[\s:.!…»›>|–—-]`. */
function isLabelCloser(c: number): boolean {
  return c === 58 || c === 46 || c === 33 || c === 0x2026 || c === 0xbb || c === 0x203a || c === 62 || isLabelDash(c) || isRegexSpace(c);
}
/** As `[«‹<|–—-]`. */
function isLabelOpener(c: number): boolean {
  return c === 0xab || c === 0x2039 || c === 60 || isLabelDash(c);
}
/** `|`, en dash, em dash, hyphen. */
function isLabelDash(c: number): boolean {
  return c === 124 || c === 0x2013 || c === 0x2014 || c === 45;
}
/** White space as a regex's `\s` has it. */
export function isRegexSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function mayDisclose(t: string): boolean {
  return DISCLOSURE_KEYS.test(t);
}

/** A sentence or paragraph rather than a label, a headline or a line of metadata. */
export function isProse(t: string): boolean {
  if (t.length >= 200) return true;
  if (!endsSentence(t)) return closesWithEmoji(t);
  const words = countWords(t, 5);
  return words >= 5 || (words >= 3 && SPEAKER.test(t));
}

/** An emoji (and its modifiers) closing a text, with the space before it. */
const CLOSING_EMOJI = lazyRegExp(() => /\s*\p{Extended_Pictographic}[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f\u200d\s]*$/u);
/** Fewest words of a post's paragraph whose last sentence an emoji closes. */
const MIN_EMOJI_CLOSED_WORDS = 8;

/**
 * A post's paragraph of sentences whose last one an emoji closes instead of a full stop ("… and here it is. Pour
 * yourselves some tea ☕️"): prose, as the sentence before it shows. A heading set off by an emoji has no sentence in it.
 */
function closesWithEmoji(t: string): boolean {
  if (t.charCodeAt(t.length - 1) < 0x2000 || (!t.includes('. ') && !t.includes('! ') && !t.includes('? '))) return false;
  const m = CLOSING_EMOJI().exec(t);
  return m !== null && m.index > 0 && countWords(t, MIN_EMOJI_CLOSED_WORDS) >= MIN_EMOJI_CLOSED_WORDS;
}

/**
 * Ends with . ! ? or … (possibly followed by closing quotes or brackets, a footnote mark, or the
 * marker a social-media thread closes a post with: "… is out. /end", "… the front. 3/7").
 */
export function endsSentence(t: string): boolean {
  let i = threadMarkerStart(t) - 1;
  if (t.charCodeAt(i) === 93 /* ] */) i -= referenceMarksLength(t.slice(0, i + 1));
  if (t.charCodeAt(i) === 93 /* ] */) {
    const open = t.lastIndexOf('[', i);
    // A footnote's mark, or a transcript's stage direction after the last sentence ("… thank our guests. [applause]").
    if (open > 0 && (/^\[\d+\]$/.test(t.slice(open, i + 1)) || (t.charCodeAt(open - 1) === 32 && STAGE_NOTE.test(t.slice(open, i + 1))))) i = open - 1;
    while (i >= 0 && t.charCodeAt(i) === 32) i--;
  }
  while (i >= 0 && CLOSERS.has(t.charCodeAt(i))) i--;
  const c = t.charCodeAt(i);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}
/** A transcript's bracketed note of what is heard, in small letters ("[applause]", "[laughter]", "[crosstalk]"). */
const STAGE_NOTE = /^\[[a-z][a-z ]{2,30}\]$/;
/**
 * Length of the reference marks after the story's last sentence ("… since 2023.[12]", "….[citation
 * needed]"): an encyclopedia's apparatus, not its prose. Zero when the text ends otherwise.
 */
export function referenceMarksLength(text: string): number {
  if (text.charCodeAt(text.length - 1) !== 93 /* ] */) return 0;
  const m = TRAILING_MARKS.exec(text);
  return m === null || m.index === 0 ? 0 : m[0].length;
}
const TRAILING_MARKS = /(?:\s*\[(?:\d{1,3}|[a-z]|[a-z][a-z ]{1,25} needed|dubious|disputed|when\?|who\?|which\?|failed verification|not in citation given)\])+$/;

// Markdown's emphasis closes a sentence set in italics or bold ("… in tow.*") as a quote mark would.
const CLOSERS = new Set([41, 34, 39, 0x201d, 0x2019, 0xbb, 93, 42]);

/** A thread's closing marker after a space: "/end", "/fin", "(end)", a post counter "3/7", the thread emoji. */
const THREAD_MARKER = lazyRegExp(() => /\s(?:\/(?:end|fin|x)|\((?:end|fin)\)|end\/|\d{1,3}\/\d{1,3}|\u{1F9F5})\s*$/iu);

// Where a closing thread marker starts (the text's length when there is none). Asked only of
// text whose last characters hold a slash, a bracket or a surrogate: most text has none.
function threadMarkerStart(t: string): number {
  const n = t.length;
  const tail = t.slice(Math.max(0, n - 9));
  if (tail.indexOf('/') < 0 && tail.indexOf('(') < 0 && !/[\ud800-\udfff]/.test(tail)) return n;
  const m = THREAD_MARKER().exec(t.slice(Math.max(0, n - 12)));
  return m === null ? n : n - m[0].length;
}

/** Number of space-separated words, counting no further than `limit`. */
function countWords(t: string, limit: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < t.length && n < limit; i++) {
    const space = t.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Header furniture: bylines, datelines, masthead lines, notes to the reader. */
export function isHeaderFurniture(block: TextBlock): BoilerplateKind | null {
  const t = block.text;
  if (t.length > 300) return null;
  if (BYLINE.test(t)) return 'byline';
  if (t.length <= MAX_BYLINE && opensWithBy(t) && CAPITAL_BYLINE().test(asOneByte(t)) && !endsSentence(t)) return 'byline';
  if (HEADER_NOTE.test(caseFolded(t))) return 'other';
  if (/\s[|·•]\s/.test(t) && !endsSentence(t)) return 'byline';
  if (isAllCaps(t)) return 'other';
  return null;
}

/** A note to the reader above the story (how the text was made, how to cite it), however it is set: as a line, an item. */
export function isHeaderNote(block: TextBlock): boolean {
  return block.text.length <= 300 && HEADER_NOTE.test(caseFolded(block.text));
}

/** A piece's reading time on a line of its own or closing one ("8 min read", "Eleanor Baek · 12 minute read"). */
const READING_TIME = /\bmin(?:ute)?s? read$/i;

export function isReadingTime(t: string): boolean {
  return t.length <= 120 && READING_TIME.test(t);
}

/** A reading time closing a paragraph ("… offer our own estimate. Reading time: 8 minutes.", "… · 6 min read"). */
const CLOSING_READING_TIME = /(?:\breading time\s*:?\s*(?:about |approx\. )?\d{1,3}\s*min(?:ute)?s?|\b\d{1,3}[- ]min(?:ute)?s? read)\.?$/i;

/**
 * A standfirst that carries the piece's reading time ("Summary: … Reading time: 8 minutes."): the page's teaser over
 * the piece, not its first paragraph. Only its last 40 characters are read.
 */
export function closesWithReadingTime(t: string): boolean {
  const end = t.length > 40 ? t.slice(-40) : t;
  // "min" in any case, which both of its forms need: the cheap test before that case-blind regex.
  return end.toLowerCase().includes('min') && CLOSING_READING_TIME.test(end);
}

/** A byline that names its writers ("By …", "Reporting by …"), not a line of metadata set off by bars. */
export function isNamedByline(block: TextBlock): boolean {
  const t = block.text;
  return t.length <= 300 && (BYLINE.test(t) || (t.length <= MAX_BYLINE && opensWithBy(t) && CAPITAL_BYLINE().test(asOneByte(t)) && !endsSentence(t)));
}

/** End matter: a short paragraph about the outlet, its newsletter or its staff. */
export function isFooterNote(block: TextBlock, outlet: string | null): boolean {
  const t = block.text;
  if (t.length > 320) return false;
  const footer = isFooterText(caseFolded(t));
  if (isSpeakerLine(t) && !/^[A-Z ]+:/.test(t.slice(0, 3))) {
    // "Host: thank you." is dialogue, not a footer, even when the host is the outlet.
    if (!footer) return false;
  }
  if (footer) return true;
  if (outlet && outlet.length >= 4 && !isSpeakerLine(t)) {
    const at = t.toLowerCase().indexOf(outlet.toLowerCase());
    return at >= 0 && !reportsInStory(t, at, outlet.length);
  }
  return false;
}

/**
 * The outlet as a party to the story's own reporting: "X asked the embassy for comment", "X could
 * not verify …", "the ministry told X". A closing line of that kind is the story's last sentence,
 * not a line of the outlet's furniture.
 */
const NEWSROOM_VERB_AFTER = /^\s+(?:(?:has|had|was|were|is|could|did)\s+)?(?:not\s+|also\s+|been\s+|independently\s+)*(?:asked|contacted|approached|reached|requested|sought|verify|verified|confirm|confirmed|unable|able|seen|obtained|reviewed|understands|learned|learnt)\b/;
const NEWSROOM_VERB_BEFORE = /\b(?:told|(?:spoke|speaking|talking|said) to)\s+(?:the\s+)?$/

function reportsInStory(t: string, at: number, length: number): boolean {
  return NEWSROOM_VERB_AFTER.test(t.slice(at + length, at + length + 60)) || NEWSROOM_VERB_BEFORE.test(t.slice(Math.max(0, at - 20), at));
}

export function isAllCaps(t: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper >= 3 && lower === 0;
}

/** Share of words that start with a capital: headlines are written in title case. */
export function titleCaseRatio(t: string): number {
  const words = t.split(/\s+/).filter((w) => w.length > 3);
  if (words.length === 0) return 0;
  return words.filter((w) => /^["'“‘(]?[A-Z0-9]/.test(w)).length / words.length;
}

/** The label over a paper's abstract ("ABSTRACT", "Summary:"): what follows it is the text's own. */
const ABSTRACT_LABEL = /^(?:abstract|summary)\s*:?$/i;
/** The label over a paper's keywords, which sit between its abstract and its first section. */
const KEYWORDS_LABEL = /^(?:key ?words|index terms)\s*:?$/i;

export function isAbstractLabel(block: TextBlock): boolean {
  return block.text.length <= 12 && ABSTRACT_LABEL.test(block.text);
}

export function isKeywordsLabel(block: TextBlock): boolean {
  return block.text.length <= 12 && KEYWORDS_LABEL.test(block.text);
}

/**
 * A speech's salutation on a line of its own ("Mr. Chairman, Excellencies, ladies and gentlemen,"):
 * the speaker's first words, above the first paragraph. Matched on `caseFolded` text; it ends in a
 * comma or a colon, as a heading does not.
 */
const SALUTATION =
  /\b(?:ladies and gentlemen|excellenc(?:y|ies)|distinguished (?:guests|delegates|colleagues|participants|members|speakers)|dear (?:colleagues|friends|guests|delegates)|honou?red guests|fellow (?:citizens|delegates))\b[^.!?]{0,80}[,:]$/;

export function isSalutation(block: TextBlock): boolean {
  const t = block.text;
  return t.length <= 200 && SALUTATION.test(caseFolded(t));
}

/** A speech's closing thanks on a line of its own: the speaker's last words, not the page's. */
// A briefing's host closes it the same way, maybe after a word that turns to the end ("All right. Thanks, everyone.").
const CLOSING_THANKS = /^(?:(?:all right|alright|ok|okay|well)[.,!]? )?(?:thank you|thanks)(?: (?:very much|all|so much|again))?(?:,? (?:everyone|everybody|all|all of you))?[.!]$/;

export function isClosingThanks(block: TextBlock): boolean {
  return block.text.length <= 40 && (CLOSING_THANKS.test(caseFolded(block.text)) || isClosingCry(block.text));
}

/** Most words of a speech's closing cry ("Glory to the republic!", "Long live our union!"). */
const MAX_CRY_WORDS = 6;
/** A page's own calls to act, which may end in "!" too: never a speech's last words. */
// So are a newsletter's goodbyes ("Thanks for reading!", "See you next week!").
const CALL_TO_ACT = /^(?:subscribe|follow|share|sign|join|download|get|install|click|tap|read|watch|listen|donate|support|like|comment|don'?t miss|stay|thanks?|thank you|see you|have a|enjoy|until|happy|cheers|bye|goodbye)\b/;

/** A speech's closing cry on a line of its own: a few words in a sentence ending in "!", not a call to the reader. */
function isClosingCry(t: string): boolean {
  if (t.charCodeAt(t.length - 1) !== 33 /* ! */ || t.split(' ').length > MAX_CRY_WORDS || /\d/.test(t)) return false;
  const c = t.charCodeAt(0);
  return c >= 65 && c <= 90 && !CALL_TO_ACT.test(caseFolded(t));
}

const SIGN_OFF = /^[A-Z][^\s,]*(?: [A-Z][^\s,]*){1,3}, [A-Z][^\s,]*(?: [A-Z][^\s,]*){0,3} (?:News|Radio|TV|Television)(?: \d{1,2})?\.$/;

/** A name of two to four capitalised words ("Claire Hadley", "Kim Tae-hoon", "Ana de la Cruz"). */
const CREDIT_NAME = String.raw`\p{Lu}[\p{L}.'’-]+(?: (?:de |da |van |von |la |al-)?\p{Lu}[\p{L}.'’-]+){1,3}`;
/** A place of one to four capitalised words, maybe with its country ("Seoul", "Kyiv, Ukraine"). */
const CREDIT_PLACE = String.raw`\p{Lu}[\p{L}.'’-]+(?: \p{Lu}[\p{L}.'’-]+){0,3}`;
/**
 * A reporter's credit closing a story: "Claire Hadley reported from Seoul.", "Ann Vale and Tom Ruiz reported from Kyiv
 * and Kharkiv.", "Tom Ruiz contributed reporting from Odesa.": whom the outlet sent where, not the story's news.
 */
const REPORTER_CREDIT = lazyRegExp(
  () =>
    new RegExp(
      String.raw`^[*_]{0,2}${CREDIT_NAME}(?:(?:, | and |, and )${CREDIT_NAME}){0,3} (?:reported|contributed(?: additional)? reporting|contributed) (?:from|in) ${CREDIT_PLACE}(?:(?:, | and |, and )${CREDIT_PLACE}){0,3}\.[*_]{0,2}$`,
      'u',
    ),
);
/** Longest reporter's credit line. */
const MAX_REPORTER_CREDIT = 160;

/** A closing line crediting the reporters and where they reported from (REPORTER_CREDIT). Cheap gate: "ed from"/"ed in"/"ing from". */
export function isReporterCredit(block: TextBlock): boolean {
  const t = block.text;
  if (t.length > MAX_REPORTER_CREDIT || !(t.includes('ed from ') || t.includes('ed in ') || t.includes('ing from ') || t.includes('ing in '))) return false;
  return REPORTER_CREDIT().test(t.trim());
}

/**
 * A broadcast report's sign-off, the reporter's name and the programme's ("Ana Ruiz, Canal 9 News."): the story's
 * last line as spoken, not the page's credit.
 */
export function isBroadcastSignOff(block: TextBlock): boolean {
  return block.text.length <= 80 && SIGN_OFF.test(block.text);
}
