// The one source of each figure, as the features that show them use it.
export { deliveredValues, deliveryValues, groupYearSql, inYearSql } from './commitments.ts';
export { inForceOn } from './agreements.ts';
export { emptyCosts, HOST_SIDE, visitCosts } from './visits.ts';
export { partnerAgreementIdsSql, partnerFigures, partnerVisitIdsSql } from './partners.ts';
// A commitment's status on a day is a figure rule too: the commitments screens and the partner figures share it.
export { statusFilterSql, statusSql } from './commitment-status.ts';
