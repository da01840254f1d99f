import { performance } from 'node:perf_hooks';

export type Timing = { p50: number; p95: number; p99: number; n: number };

/** Runs `fn` `n` times after a warm-up and returns p50/p95/p99 in milliseconds. */
export async function measure(fn: () => unknown, n = 200, warmup = 20): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n };
}

/**
 * Times two paths in alternation, so a slow spell of a shared machine (GC,
 * another process) falls on both alike and their ratio stays meaningful.
 */
export async function measurePair(a: () => unknown, b: () => unknown, n: number, warmup: number): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < n; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const start = performance.now();
      await fn();
      samples[k]!.push(performance.now() - start);
    }
  }
  return samples.map((list) => {
    list.sort((x, y) => x - y);
    const at = (q: number) => list[Math.min(list.length - 1, Math.floor(q * list.length))]!;
    return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n };
  }) as [Timing, Timing];
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;

export function report(label: string, t: Timing, raw?: Timing) {
  const ratio = raw ? `  raw p50 ${ms(raw.p50)} p95 ${ms(raw.p95)}  ratio p50 ${(t.p50 / raw.p50).toFixed(2)}` : '';
  console.log(`  ${label.padEnd(44)} p50 ${ms(t.p50)}  p95 ${ms(t.p95)}${ratio}`);
}

export async function time<T>(fn: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}
