// What other features use of commitments: their sample records.
export { commitmentsSample } from './sample.ts';
