// What other features use of the office's accounts.
export { userById } from './store.ts';
