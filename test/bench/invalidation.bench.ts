import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { invalidates } from '../../shared/contract/touches.ts';

// How many cached queries a visit save refetches. The query client is the renderer's own
// (@tanstack/react-query), holding one live query for each read a screen makes — every `useCall`
// in renderer/src, as after an officer has opened each screen once — and each query counts its
// refetches. Before: every write invalidated every query. After: only the reads the write touches
// (shared/contract/touches.ts, the map renderer/src/api.ts applies).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function readsOnScreens(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name)) for (const m of fs.readFileSync(file, 'utf8').matchAll(/useCall\('([\w.]+)'/g)) found.push(m[1]!);
    }
  };
  walk(path.join(root, 'renderer/src'));
  return found;
}

async function refetches(reads: string[], invalidate: (client: QueryClient) => Promise<void>): Promise<{ total: number; refetched: string[] }> {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const refetched: string[] = [];
  const loaded = new Set<number>();
  const unsubscribe = reads.map((name, i) => {
    const observer = new QueryObserver(client, {
      queryKey: [name, i],
      queryFn: async () => {
        if (loaded.has(i)) refetched.push(name);
        loaded.add(i);
        return { name };
      },
    });
    return observer.subscribe(() => {});
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  await invalidate(client);
  unsubscribe.forEach((u) => u());
  client.clear();
  return { total: reads.length, refetched };
}

export async function run() {
  const reads = readsOnScreens();
  for (const write of ['visits.update', 'visits.create', 'tasks.setStatus', 'commitments.addDelivery'] as const) {
    const before = await refetches(reads, (c) => c.invalidateQueries());
    const after = await refetches(reads, (c) => c.invalidateQueries({ predicate: (q) => invalidates(write, String(q.queryKey[0])) }));
    console.log(
      `${write}: refetches ${after.refetched.length} of ${after.total} live queries (before: ${before.refetched.length}) — ${[...new Set(after.refetched)].sort().join(', ')}`,
    );
  }
}
