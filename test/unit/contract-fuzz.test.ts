// Issue 14, "keep it fixed": every call of the contract, a few hundred generated and
// mutated inputs each, through the real web bridge. Seeded (FUZZ_SEED to replay
// another run), bounded so the suite stays quick; `npm run soak` runs thousands.
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract/index.ts';
import { fuzzContract } from '../support/contract-fuzz.ts';

const seed = Number(process.env.FUZZ_SEED ?? 14);
const runs = Number(process.env.FUZZ_RUNS ?? 200);

describe('the contract under fuzzing, through the web bridge', () => {
  it(`answers every call without a 5xx, never exits, and a refused call changes nothing (seed ${seed})`, { timeout: 180_000 }, async () => {
    const figures = await fuzzContract({ seed, runs, heavyRuns: Math.ceil(runs / 10) });
    console.log(`contract fuzz (seed ${seed}): ${JSON.stringify(figures)}`);
    expect(figures.calls).toBe(Object.keys(contract).length);
    // Both halves exercised: valid inputs reached the handlers, broken ones were refused.
    expect(figures.accepted).toBeGreaterThan(figures.cases / 10);
    expect(figures.refused).toBeGreaterThan(figures.cases / 10);
    // The commit detector that guards the hash comparison did see the accepted writes.
    expect(figures.committed).toBeGreaterThan(0);
  });
});
