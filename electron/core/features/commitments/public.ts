// What other features use of commitments: the list (the lists' export).
export { listCommitments } from './queries.ts';
