// The one source of each figure, as the features that show them use it.
export { deliveredValues, deliveryValues, groupYearSql, inYearSql } from './commitments.ts';
export { emptyCosts, HOST_SIDE, visitCosts } from './visits.ts';
export { partnerAgreementIdsSql, partnerFigures, partnerVisitIdsSql } from './partners.ts';
