import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';
import { isConsentControl, isConsentNotice } from './consent-notice.js';

const story = [
  'LISBON – Port workers in Setubal ended a nine-day strike on Thursday after the operator agreed to a 6% pay rise, the dockers\' union said, reopening a terminal that handles about 40,000 cars a month.',
  'The stoppage had left more than 300 vessels\' worth of cargo waiting on the quays, according to the port authority, which said it expected the backlog to clear within two weeks.',
  '"Nobody wanted this to go on into the summer," said Rui Amaral, the union\'s regional secretary, adding that the deal would be put to members next week.',
  'Shipping agents said at least a dozen car carriers had been diverted to Sines and Vigo during the strike, and that it could take until July for schedules to return to normal on the Atlantic routes.',
  'The operator, Transportes Atlantico, declined to comment on the terms.',
];

const page = (top: string[], middle: string[] = [], bottom: string[] = []): string =>
  [...top, 'Business', 'Setubal dockers end strike after pay deal', 'Ana Serrano, Lisbon', '3 June 2026, 09:10', ...story.slice(0, 2), ...middle, ...story.slice(2), ...bottom].join('\n\n');

test('a cookie notice over the page is furniture: the story is found under it', () => {
  const notice = [
    'Your privacy matters',
    'We and our 312 partners store cookies on your device to show you relevant ads and to measure how the site is used. By clicking "Accept all" you agree to this; you can withdraw your consent in Cookie settings.',
    'Accept all',
    'Reject all',
    'Manage preferences',
  ];
  const [doc] = collectPlainText('port.txt', page(notice));
  assert.match(mainText(doc!), /^LISBON – Port workers/);
  assert.match(mainText(doc!), /declined to comment on the terms\.$/);
});

test('a consent notice is the site speaking to the reader; a story about cookies is not one', () => {
  assert.ok(isConsentNotice('This website uses cookies to improve your experience. By continuing to browse you accept our cookie policy.'));
  assert.ok(!isConsentNotice('The regulator fined the retailer EUR 2 million for setting advertising cookies before visitors had agreed, the authority said on Monday.'));
  assert.ok(isConsentControl('Reject all'));
  assert.ok(isConsentControl('We value your privacy'));
  assert.ok(!isConsentControl('Markets'));
});

test('a paywall prompt between paragraphs, with its offer and buttons, does not end the story', () => {
  const box = ['Subscribe to continue reading', 'Read everything for 2 months at €2, then €9.50 a month. Cancel anytime.', 'Subscribe now', 'Already a subscriber? Log in'];
  const [doc] = collectPlainText('port.txt', page([], box, ['Share this article', 'More from Business', 'Lisbon bourse closes higher on bank shares']));
  const main = mainText(doc!);
  assert.match(main, /^LISBON/);
  assert.match(main, /declined to comment on the terms\.$/);
  const furniture = doc!.boilerplate.filter((b) => b.start > doc!.main.start && b.end < doc!.main.end).map((b) => doc!.text.slice(b.start, b.end)).join(' ');
  assert.match(furniture, /€9\.50 a month/);
});

test('a paywall label under the story, with a bio under it, does not take the bio into the story', () => {
  const box = ['Subscribe to continue reading', 'Read everything for 2 months at €2, then €9.50 a month.', 'Subscribe now'];
  const bio = 'Ana Serrano covers Iberian business and labour for the paper from Lisbon. She previously worked for eight years at a Madrid news agency, where she reported on energy and shipping.';
  const [doc] = collectPlainText('port.txt', page([], [], [...box, bio]));
  assert.match(mainText(doc!), /declined to comment on the terms\.$/);
});

test('a box of links between paragraphs does not end the story; the same label under the story still does', () => {
  const links = ['Also read', 'Spain\'s ports brace for a summer of walkouts', 'How 12 cranes came to run half of Europe\'s car trade'];
  const longer = [...story.slice(0, 2), ...links, story[2]!, 'Talks on the next contract, which covers about 1,200 dockers across three terminals, are due to start in the autumn, the union added.', ...story.slice(3)];
  const [inside] = collectPlainText('port.txt', ['Setubal dockers end strike after pay deal', ...longer].join('\n\n'));
  assert.match(mainText(inside!), /declined to comment on the terms\.$/);
  const [under] = collectPlainText('port.txt', ['Setubal dockers end strike after pay deal', ...story, ...links].join('\n\n'));
  assert.match(mainText(under!), /declined to comment on the terms\.$/);
});

test('a notice over the page that no reader knows gives way to the story under the masthead button and the share bar', () => {
  const top = [
    'You are using an outdated browser. Some parts of this page, such as charts, galleries and live blogs, may not display as intended or may load slowly; please update your browser to its latest version for the best experience and for your security.',
    'Subscribe',
    'Home',
    'Markets',
    'Companies',
  ];
  const text = [...top, 'Setubal dockers end strike after pay deal', 'Ana Serrano, Lisbon', 'Share this article', 'Facebook', 'E-mail', ...story, 'Share this article', 'Facebook'].join('\n\n');
  const [doc] = collectPlainText('port.txt', text);
  assert.match(mainText(doc!), /^LISBON – Port workers/);
  assert.match(mainText(doc!), /declined to comment on the terms\.$/);
});
