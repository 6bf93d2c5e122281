import { h, replace } from '../dom.js';
import type { View } from '../router.js';

const view: View = (root) => {
  replace(root, h('h1', null, 'timeline'), h('p', null, 'Coming soon.'));
};
export default view;
