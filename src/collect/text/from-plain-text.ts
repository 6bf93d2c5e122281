import type { BoilerplateSpan, CollectedDocument } from '../../domain/document.js';
import { blankSpans, type Span } from '../../domain/span.js';
import { headerFacts } from '../main-body/header-facts.js';
import { findMainBody, type MainBody } from '../main-body/main-body.js';
import { endMarkLength } from '../main-body/story-edges.js';
import { plainTextBlocks } from '../main-body/text-block.js';
import { relatedDocuments } from '../related-documents.js';
import { findCues, subtitleBlocks } from './subtitles.js';
import { findCaptionPanel, type CaptionPanel } from './caption-panel.js';
import { findMailThread, type MailThread } from './mail-thread.js';
import { findMarkdown, type MarkdownDocument } from './markdown.js';
import { findReportLog } from './report-log.js';
import { findSocialThread, type SocialThread } from './social-thread.js';
import { findStampedLog, type StampedLog } from './stamped-log.js';
import { findTelegramChannel } from './telegram-channel.js';

export interface PlainTextOptions {
  published?: string | null;
  /** Also return the stories carried in full after the main one, as documents of their own. */
  related?: boolean;
}

/** A plain-text report: the text as is, the story located by line-level cues. */
export function collectPlainText(origin: string, text: string, options: PlainTextOptions = {}): CollectedDocument[] {
  // A subtitle file's story is read from its cues' words, run on over the cues, without numbers and timings.
  const cues = findCues(text);
  const thread = cues === undefined ? findMailThread(text) : null;
  // A Telegram channel's posts copied as text are read as a thread is (telegram-channel.ts).
  const social = cues === undefined && thread === null ? (findSocialThread(text, options.published ?? null) ?? findTelegramChannel(text, options.published ?? null)) : null;
  const markdown = cues === undefined && thread === null && social === null ? findMarkdown(text, MARKDOWN_NAME.test(origin)) : null;
  // A thread's quoted lines are read without their ">" marks (same offsets), so its paragraphs are found as anywhere
  // else; a Markdown document's lines without their markup, its front matter and code blank.
  const { blocks, margins } = cues !== undefined ? { blocks: subtitleBlocks(text, cues), margins: [] } : plainTextBlocks(thread !== null ? blankSpans(text, thread.quoteMarks) : markdown !== null ? markdownReading(text, markdown) : text);
  // The header's facts (its outlet name helps to recognise the closing lines) are read once the
  // story's start is known.
  let facts = headerFacts([]);
  const body = findMainBody(blocks, {
    captions: cues !== undefined,
    outlet: (header) => {
      facts = headerFacts(header);
      return facts.outlet;
    },
  });
  const doc: CollectedDocument = {
    origin,
    format: 'text',
    text,
    title: facts.title,
    published: options.published ?? facts.published,
    url: null,
    source: facts.outlet,
    main: body.main,
    boilerplate: margins.length === 0 ? body.boilerplate : withMargins(body.boilerplate, margins),
  };
  if (cues !== undefined) doc.cues = cues;
  if (thread !== null) readAsThread(doc, thread, body);
  if (social !== null) readAsSocialThread(doc, social, options.published ?? null);
  if (markdown !== null) readAsMarkdown(doc, markdown, options.published ?? null);
  const panel = cues === undefined && thread === null && markdown === null && social === null ? findCaptionPanel(text) : null;
  if (panel !== null) readAsCaptionPanel(doc, panel);
  // A log exported as time-stamped rows between rules: the rows are the report, each day's rows a post of that day.
  const log = thread === null && cues === undefined && panel === null && social === null && markdown === null ? findStampedLog(text) : null;
  if (log !== null) readAsStampedLog(doc, log);
  else if (thread === null && cues === undefined && panel === null && social === null) {
    // A log of spot reports: each entry on its own day, its fields in its originator's voice.
    const entries = findReportLog(text, doc.main);
    if (entries.length > 0) doc.posts = entries;
  }
  if (!options.related) return [doc];
  return [doc, ...relatedDocuments(doc, body.related)];
}

/**
 * A video page with its transcript panel: the report is what is said (see caption-panel.ts); the page above it and the
 * comments below are the page's, and the panel's timestamps and sound notes are margins the stages read blank.
 */
function readAsCaptionPanel(doc: CollectedDocument, panel: CaptionPanel): void {
  const { main } = panel;
  const boilerplate: BoilerplateSpan[] = [];
  if (main.start > 0) boilerplate.push({ start: 0, end: main.start, kind: 'other' });
  for (const m of panel.margins) boilerplate.push({ start: m.start, end: m.end, kind: 'margin' });
  for (const p of panel.promos) boilerplate.push({ start: p.start, end: p.end, kind: 'promo' });
  boilerplate.sort((a, b) => a.start - b.start);
  if (main.end < doc.text.length) boilerplate.push({ start: main.end, end: doc.text.length, kind: 'other' });
  doc.main = main;
  doc.boilerplate = boilerplate;
}

/** A time-stamped log's export (stamped-log.ts): its header and closing lines are the tool's, its rows the report. */
function readAsStampedLog(doc: CollectedDocument, log: StampedLog): void {
  const { main } = log;
  const boilerplate: BoilerplateSpan[] = log.stamps.map((s) => ({ ...s, kind: 'margin' as const }));
  if (main.start > 0) boilerplate.unshift({ start: 0, end: main.start, kind: 'other' });
  if (main.end < doc.text.length) boilerplate.push({ start: main.end, end: doc.text.length, kind: 'other' });
  doc.main = main;
  doc.boilerplate = boilerplate;
  doc.posts = log.posts;
}

/**
 * A social-media thread copied from its page (social-thread.ts): the body is the thread, from its first post's text to
 * its author's last; what the page sets before (its chrome) and after (replies, suggested accounts) is not the report's,
 * and the headers and counts between posts are furniture. Each post is read on its own day, a quoted one in its
 * account's voice.
 */
function readAsSocialThread(doc: CollectedDocument, thread: SocialThread, published: string | null): void {
  const { main } = thread;
  const boilerplate: BoilerplateSpan[] = [];
  if (main.start > 0) boilerplate.push({ start: 0, end: main.start, kind: 'navigation' });
  boilerplate.push(...thread.furniture);
  if (main.end < doc.text.length) boilerplate.push({ start: main.end, end: doc.text.length, kind: 'comments' });
  doc.main = main;
  doc.boilerplate = boilerplate;
  doc.posts = thread.posts;
  doc.published = published ?? thread.posts[0]?.published ?? doc.published;
}

/** Longest stretch read for an end mark at the thread's end (the mark and the space before it). */
const MAX_END_MARK = 16;

/**
 * An e-mail thread's main body is the whole conversation: from the newest message's first words to the end of the
 * oldest quoted or forwarded message's text (the figures under discussion live in the quoted messages), less what that
 * message ends with (a signature, a copyright line) and what the mail server appended after the thread (a
 * confidentiality notice). Each message is read on its own day and in its author's voice (`posts`); the lines that
 * open messages and the signatures are the messages' furniture, and the ">" marks are read as spaces.
 */
function readAsThread(doc: CollectedDocument, thread: MailThread, body: MainBody): void {
  const newest = thread.messages[0];
  if (thread.end === null || newest === undefined) return;
  // The newest message's first line (a salutation too) opens the conversation, however short its lines are.
  // A forwarded wire story's end mark ("… since the autumn. (END)") closes the quoted text but is none of it.
  const main: Span = { start: newest.start, end: thread.end - endMarkLength(doc.text.slice(Math.max(newest.start, thread.end - MAX_END_MARK), thread.end)) };
  const boilerplate: BoilerplateSpan[] = body.boilerplate.filter((b) => b.end <= main.start);
  for (const f of thread.furniture) if (f.start >= main.start && f.end <= main.end) boilerplate.push(f);
  // What follows the conversation keeps the kinds the whole text's reading gave it.
  for (const b of body.boilerplate) if (b.end > main.end) boilerplate.push({ ...b, start: Math.max(b.start, main.end) });
  doc.main = main;
  doc.boilerplate = boilerplate.sort((a, b) => a.start - b.start);
  doc.posts = thread.messages.filter((m) => m.start < main.end);
  doc.quoteMarks = thread.quoteMarks.filter((m) => m.start >= main.start && m.end <= main.end);
}

/** A Markdown file's name: ".md", ".markdown", ".mdown", ".mkd". */
const MARKDOWN_NAME = /\.(?:md|markdown|mdown|mkd)$/i;

/**
 * A Markdown text as its blocks are read: front matter and fenced code blank (line breaks kept), so neither is taken
 * for the story's opening or its paragraphs. The inline markup stays: the main-body cues know Markdown's emphasis (a
 * status line set in italics under the title is header matter).
 */
function markdownReading(text: string, markdown: MarkdownDocument): string {
  const blank: Span[] = [];
  for (const part of markdown.frontMatter === null ? markdown.fences : [markdown.frontMatter, ...markdown.fences]) blank.push(...linesIn(text, part));
  return blankSpans(text, blank);
}

/** The lines of text[span) without their line breaks. */
function linesIn(text: string, span: Span): Span[] {
  const out: Span[] = [];
  for (let at = span.start; at < span.end; ) {
    let nl = text.indexOf('\n', at);
    if (nl < 0 || nl > span.end) nl = span.end;
    if (nl > at) out.push({ start: at, end: nl });
    at = nl + 1;
  }
  return out;
}

/**
 * A Markdown document's title and date are its front matter's (the caller's date first); the footnote definitions
 * closing it are its apparatus (a references list), out of the body; the markup inside the body is read as spaces.
 */
function readAsMarkdown(doc: CollectedDocument, markdown: MarkdownDocument, published: string | null): void {
  doc.title = markdown.title ?? doc.title;
  doc.published = published ?? markdown.date ?? doc.published;
  doc.source ??= markdown.author;
  const notes = markdown.notes;
  if (notes !== null && notes > doc.main.start && notes < doc.main.end) {
    let end = notes;
    while (end > doc.main.start && /\s/.test(doc.text.charAt(end - 1))) end--;
    const kept = doc.boilerplate.filter((b) => b.end <= end || b.start >= doc.main.end);
    doc.boilerplate = [...kept, { start: notes, end: doc.main.end, kind: 'other' as const }].sort((a, b) => a.start - b.start);
    doc.main = { start: doc.main.start, end };
  }
  const { start, end } = doc.main;
  doc.markup = markdown.markup.filter((m) => m.start >= start && m.end <= end);
}

/** The boilerplate with the margins of line-numbered text added, in text order. */
function withMargins(boilerplate: BoilerplateSpan[], margins: readonly Span[]): BoilerplateSpan[] {
  const out = [...boilerplate, ...margins.map((m): BoilerplateSpan => ({ start: m.start, end: m.end, kind: 'margin' }))];
  return out.sort((a, b) => a.start - b.start);
}
