// What other features use of localities.
export { createLocality } from './app.ts';
export { findLocality } from './queries.ts';
export { similarLocalities } from './similar.ts';
export { pageOfLocalities } from './queries.ts';
