// The contract fuzzer of test/unit/contract-fuzz.test.ts with thousands of cases per call.
// SOAK_SEED (default: the time), SOAK_FUZZ_RUNS (default 2000 per call; heavy calls a tenth).
import { fuzzContract } from '../support/contract-fuzz.ts';

export async function run() {
  const seed = Number(process.env.SOAK_SEED ?? Date.now() % 2 ** 31);
  const runs = Number(process.env.SOAK_FUZZ_RUNS ?? 2000);
  console.log(`seed ${seed}, ${runs} cases per call (heavy calls ${Math.ceil(runs / 10)})`);
  const f = await fuzzContract({ seed, runs, heavyRuns: Math.ceil(runs / 10) });
  const statuses = Object.entries(f.statuses)
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
  console.log(
    `${f.calls} calls, ${f.cases} cases in ${(f.ms / 1000).toFixed(0)} s: ${f.accepted} accepted (${f.committed} of them committed), ${f.refused} refused (${f.hashed} hashed after a commit), statuses ${statuses}; 0 5xx, 0 exits, 0 refused calls that changed the database`,
  );
}
