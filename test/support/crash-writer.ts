// A child process for the crash and second-process tests: writes localities through
// the services, one transaction each, and prints the id of each write only after it
// committed; an optional pause between writes stands for a person at a screen.
import { createServices } from '../../electron/core/services.ts';

const file = process.argv[2]!;
const tag = process.argv[3]!;
const pauseMs = Number(process.argv[4] ?? 0);
const services = await createServices(file);
for (let i = 0; ; i++) {
  const result = await services.call('localities.create', { name: `${tag} ${i} 漳州`, nativeName: '漳州市', country: 'CN', level: 'city', parentId: null });
  if (!result.ok) {
    process.stderr.write(`${JSON.stringify(result.error)}\n`);
    process.exit(2);
  }
  process.stdout.write(`${result.value.id}\n`);
  if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
}
