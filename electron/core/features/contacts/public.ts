// What other features use of contacts: a visit's new participants become contacts.
export { createContact } from './app.ts';
export { listContacts } from './queries.ts';
