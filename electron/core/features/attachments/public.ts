// What other features use of attachments: whether a stored file is still on disk (a partner's story).
export { isPresent } from './store.ts';
