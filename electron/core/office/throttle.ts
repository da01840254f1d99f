/**
 * Sign-in attempts, limited per account and per address with a growing wait: the first few
 * mistakes cost nothing, then each failure doubles the wait before the next attempt is even
 * checked (1 s, 2 s, 4 s … up to 15 minutes). A success clears the account's count. Guessing a
 * 10-character password this way takes centuries; a colleague who mistyped waits a second.
 */
export const FREE_ATTEMPTS = 3;
export const MAX_WAIT_MS = 15 * 60 * 1000;

type Entry = { failures: number; until: number };

export function createThrottle(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  const waitFor = (failures: number) => (failures <= FREE_ATTEMPTS ? 0 : Math.min(1000 * 2 ** (failures - FREE_ATTEMPTS - 1), MAX_WAIT_MS));

  return {
    /** Milliseconds still to wait before any of these keys may try again (0: go ahead). */
    wait(keys: readonly string[]): number {
      return Math.max(0, ...keys.map((k) => (entries.get(k)?.until ?? 0) - now()));
    },
    failed(keys: readonly string[]) {
      for (const key of keys) {
        const failures = (entries.get(key)?.failures ?? 0) + 1;
        entries.set(key, { failures, until: now() + waitFor(failures) });
      }
      // Bounded: a flood of made-up logins cannot grow this map without end.
      if (entries.size > 10_000) for (const [k, e] of entries) if (e.until < now()) entries.delete(k);
    },
    succeeded(keys: readonly string[]) {
      for (const key of keys) entries.delete(key);
    },
  };
}
export type Throttle = ReturnType<typeof createThrottle>;
