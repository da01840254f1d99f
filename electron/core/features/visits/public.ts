// What other features use of visits.
export { findVisit, selectVisitRow, visitsWithPlace } from './queries.ts';
export { listVisits } from './queries.ts';
