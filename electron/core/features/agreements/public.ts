// What other features use of agreements: creating one and changing its stage (sample data), its last activity (Home).
export { activitySince, lastActivityOn } from './activity.ts';
export { changeStage, createAgreement } from './app.ts';
export { AGREEMENT_ROW } from './queries.ts';
export { listAgreements } from './queries.ts';
