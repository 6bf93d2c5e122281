import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectPlainText } from '../text/from-plain-text.js';
import { mainText } from '../../domain/document.js';

const page = (above: string[], closing: string[] = []): string =>
  [
    'World',
    'Grain convoys resume along the river as the ceasefire holds',
    'May 4, 2026 6:10 AM ET',
    'Ilse Maarten',
    ...above,
    'KHERSON, Ukraine — The first convoy in six weeks crossed the bridge on Sunday, carrying 40 trucks of seed grain to villages on the left bank, local officials said.',
    'Drivers said the road was cratered in at least nine places, and that the crossing took most of the day.',
    '"We waited for the drones to stop," said one driver, Petro Hnat, who has made the trip twice.',
    ...closing,
  ].join('\n\n');

test('a photograph above the story, its credit and the player toggles under it, is not the story\'s opening', () => {
  const [doc] = collectPlainText('radio.txt', page(['Trucks wait at a checkpoint near Mykolaiv on May 2.', 'Olena Vesna/AFP via Getty Images', 'hide caption', 'toggle caption', 'Olena Vesna/AFP via Getty Images']));
  assert.match(mainText(doc!), /^KHERSON, Ukraine/);
});

test('a caption with a bare agency credit under it is the picture\'s too', () => {
  const [doc] = collectPlainText('paper.txt', page(['A convoy crosses the Antonivskyi bridge on Sunday.', 'Ivan Dorosh/AP']));
  assert.match(mainText(doc!), /^KHERSON, Ukraine/);
});

test('a reporter\'s credit under the last paragraph closes the story', () => {
  const [doc] = collectPlainText('radio.txt', page([], ['Ilse Maarten and Tom Ruiz reported from Kherson and Odesa.', 'More Stories']));
  assert.match(mainText(doc!), /made the trip twice\.$/);
});

test('a sentence with a slash is no credit, and the story keeps its opening paragraph', () => {
  const [doc] = collectPlainText('paper.txt', page(['Analysis']).replace('KHERSON, Ukraine — The', 'The'));
  assert.match(mainText(doc!), /^The first convoy in six weeks/);
});
