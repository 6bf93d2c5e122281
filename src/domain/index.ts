export * from './span.js';
export * from './document.js';
export * from './entity.js';
export * from './claim.js';
export * from './marking.js';
export * from './viewer.js';
export * from './interop.js';
