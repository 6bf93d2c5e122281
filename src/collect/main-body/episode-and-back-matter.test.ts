import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { collectHtml } from '../html/collect-html.js';
import { mainText } from '../../domain/document.js';

const brief = (above: string[], below: string[]): string => [
  'INSTITUTE FOR RIVER TRADE',
  'Brief No. 4/2027 | Vienna | 2 March 2027',
  'WHY THE BARGES STOPPED',
  'Lena Hofer and Piet Maas',
  ...above,
  'The barge fleet on the upper river shrank by a quarter last year, and the owners who remain run their boats half empty. Low water explains part of it, but not most of it.',
  'Insurers doubled their premiums in the spring. A skipper who paid 9,000 euros a season now pays twice that, and many have sold their boats to operators downstream.',
  ...below,
].join('\n\n');

test('a brief: the summary that carries its reading time is the standfirst; the inline note about the authors is back matter', () => {
  const [doc] = collectPlainText('brief.txt', brief(
    ['Summary: Freight on the upper river has collapsed. We ask why and what would bring it back. Reading time: 6 minutes.', '---'],
    ['About the authors: Lena Hofer is a research fellow at the institute. Piet Maas is a former harbour master in Linz.'],
  ));
  assert.match(mainText(doc!), /^The barge fleet on the upper river/);
  assert.match(mainText(doc!), /operators downstream\.$/);
});

test('an episode page: a sponsor read inside the notes is furniture; the link to the full transcript ends the part carried', () => {
  const html = `<html><body><main>
    <h1>Episode 12: Where the barges went</h1>
    <p>Host Rina Voss asks two skippers why the upper river emptied in a single season, and what the insurers had to do with it.</p>
    <div><p><strong>This episode is brought to you by Keelwise.</strong> Keelwise tracks your fleet from any phone. Listeners get 2 months free and 25% off the first year.</p></div>
    <h2>Transcript</h2>
    <p><b>RINA VOSS:</b> Jonas, you sold your barge in May. What did the insurers ask you to pay?</p>
    <p><b>JONAS BREM:</b> Close to 18,000 euros for the season, twice what I paid before. No boat of mine earns that on the upper river any more, so I sold it.</p>
    <p><a href="/ep/12/transcript">Read the full transcript</a> (members only)</p>
    <h2>Guests</h2>
    <p><strong>Jonas Brem</strong> ran barges between Passau and Linz for 20 years and now chairs the skippers' association in Krems.</p>
  </main></body></html>`;
  const [doc] = collectHtml('episode.html', html);
  const main = mainText(doc!);
  assert.match(main, /so I sold it\.$/);
  const sponsor = doc!.boilerplate.find((b) => doc!.text.slice(b.start, b.end).includes('brought to you by Keelwise'));
  assert.ok(sponsor !== undefined && sponsor.kind === 'promo');
});

test('a field note\'s "About this dispatch" box under its last section is back matter', () => {
  const [doc] = collectPlainText('dispatch.txt', brief(
    [],
    ['-----------------------------------------', 'About this dispatch', 'Our team visited the locks with the consent of the river authority. Dispatches are free to republish with credit.'],
  ));
  assert.match(mainText(doc!), /operators downstream\.$/);
});
