// The one source of each figure, as the features that show them use it.
export { deliveredValues, deliveryValues, groupYearSql, inYearSql } from './commitments.ts';
export { emptyCosts, visitCosts } from './visits.ts';
