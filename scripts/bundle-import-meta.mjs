// Injected into dist/extract.bundle.cjs by scripts/bundle-extract.mjs where import.meta.url is read:
// a CommonJS file has no import.meta, but has its __filename.
import { pathToFileURL } from 'node:url';

export const bundleUrl = pathToFileURL(__filename).href;
