export * from './span.js';
export * from './document.js';
export * from './entity.js';
export * from './claim.js';
