import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectHtml } from './collect-html.js';

// A post embedded from a social platform is part of the story (someone's statement the reporter quotes): its text is
// kept, with its author line and stamp, whatever "social" class wraps it; its scripts, controls and counts are not.

const para = (t: string): string => `<p>${t.repeat(3)}</p>`;
const lead = para('The harbour master closed the northern basin to small craft after the gale damaged two piers. ');
const close = para('Repairs to the piers are expected to take most of the spring, the port authority said in a statement. ');

test('an embedded post in a "social-embed" blockquote is text; its script, "View on X" and counts are not', () => {
  const html = `<body><article>${lead}
    <blockquote class="social-embed social-embed--x">
      <p>Our divers found 3 sunken dinghies by the east wall this morning.</p>
      <footer>— Mara Lindqvist (@mlindqvist_port) <a href="https://x.example/status/1">March 4, 2026</a></footer>
      <div class="embed-stats"><span>2.1K</span> Likes <span>318</span> Reposts</div>
      <a class="embed-link" href="https://x.example/status/1">View on X</a>
      <script src="https://x.example/widgets.js"></script>
    </blockquote>${close}</article></body>`;
  const [doc] = collectHtml('story.html', html);
  const text = doc!.text;
  assert.ok(text.includes('Our divers found 3 sunken dinghies'), text);
  assert.ok(text.includes('Mara Lindqvist (@mlindqvist_port) March 4, 2026'), text);
  for (const gone of ['Likes', 'Reposts', 'View on X', 'widgets']) assert.ok(!text.includes(gone), `${gone} should not be in the text`);
  assert.ok(doc!.main.start < text.indexOf('Our divers') && doc!.main.end > text.indexOf('Repairs'));
});

test("the platforms' own embed markups and a site's wrapper named for the platform keep their text", () => {
  const embeds = [
    '<blockquote class="twitter-tweet"><p lang="en">Ferry timetable cut to 4 sailings a day.</p>&mdash; Port Office (@portoffice) <a href="#">May 2, 2026</a></blockquote>',
    '<blockquote class="instagram-media" data-instgrm-permalink="https://insta.example/p/1"><div><a href="#">View this post on Instagram</a></div><p>Ferry timetable cut to 4 sailings a day.</p></blockquote>',
    '<div class="embed embed--social"><div class="post-body">Ferry timetable cut to 4 sailings a day.</div><a href="#">Follow</a></div>',
  ];
  for (const embed of embeds) {
    const [doc] = collectHtml('story.html', `<body><article>${lead}${embed}${close}</article></body>`);
    assert.ok(doc!.text.includes('Ferry timetable cut to 4 sailings a day.'), embed);
    assert.ok(!/View this post|Follow\b/.test(doc!.text), doc!.text);
  }
  // A share bar is still no text.
  const [shared] = collectHtml('story.html', `<body><article>${lead}<div class="social-share"><a>Share on X</a></div>${close}</article></body>`);
  assert.ok(!shared!.text.includes('Share on X'));
});

test('an embedded post is a post of its own: dated by its stamp, in its author\'s voice', () => {
  const html = `<body><article>${lead}
    <div class="tweet"><div class="tweet-header"><span>Mara Lindqvist</span> <span>@mlindqvist_port</span></div>
    <div class="tweet-text">Last month we pulled 12 wrecks out of the basin.</div>
    <div class="tweet-footer"><span>9:05 AM · Mar 4, 2026</span></div></div>${close}</article></body>`;
  const [doc] = collectHtml('story.html', html);
  const posts = doc!.posts ?? [];
  assert.equal(posts.length, 1);
  const post = posts[0]!;
  assert.equal(post.published, '2026-03-04');
  assert.equal(post.author, 'Mara Lindqvist');
  assert.ok(doc!.text.slice(post.start, post.end).includes('Last month we pulled 12 wrecks'));
});
