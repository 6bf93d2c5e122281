import type { BoilerplateSpan, CollectedDocument } from '../../domain/document.js';
import { blankSpans, type Span } from '../../domain/span.js';
import { headerFacts } from '../main-body/header-facts.js';
import { findMainBody, type MainBody } from '../main-body/main-body.js';
import { plainTextBlocks } from '../main-body/text-block.js';
import { relatedDocuments } from '../related-documents.js';
import { findCues, subtitleBlocks } from './subtitles.js';
import { findMailThread, type MailThread } from './mail-thread.js';
import { findReportLog } from './report-log.js';

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
  // A thread's quoted lines are read without their ">" marks (same offsets), so its paragraphs are found as anywhere else.
  const { blocks, margins } = cues !== undefined ? { blocks: subtitleBlocks(text, cues), margins: [] } : plainTextBlocks(thread === null ? text : blankSpans(text, thread.quoteMarks));
  // The header's facts (its outlet name helps to recognise the closing lines) are read once the
  // story's start is known.
  let facts = headerFacts([]);
  const body = findMainBody(blocks, {
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
  else if (cues === undefined) {
    // A log of spot reports: each entry on its own day, its fields in its originator's voice.
    const entries = findReportLog(text, doc.main);
    if (entries.length > 0) doc.posts = entries;
  }
  if (!options.related) return [doc];
  return [doc, ...relatedDocuments(doc, body.related)];
}

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
  const main: Span = { start: newest.start, end: thread.end };
  const boilerplate: BoilerplateSpan[] = body.boilerplate.filter((b) => b.end <= main.start);
  for (const f of thread.furniture) if (f.start >= main.start && f.end <= main.end) boilerplate.push(f);
  // What follows the conversation keeps the kinds the whole text's reading gave it.
  for (const b of body.boilerplate) if (b.end > main.end) boilerplate.push({ ...b, start: Math.max(b.start, main.end) });
  doc.main = main;
  doc.boilerplate = boilerplate.sort((a, b) => a.start - b.start);
  doc.posts = thread.messages.filter((m) => m.start < main.end);
  doc.quoteMarks = thread.quoteMarks.filter((m) => m.start >= main.start && m.end <= main.end);
}

/** The boilerplate with the margins of line-numbered text added, in text order. */
function withMargins(boilerplate: BoilerplateSpan[], margins: readonly Span[]): BoilerplateSpan[] {
  const out = [...boilerplate, ...margins.map((m): BoilerplateSpan => ({ start: m.start, end: m.end, kind: 'margin' }))];
  return out.sort((a, b) => a.start - b.start);
}
