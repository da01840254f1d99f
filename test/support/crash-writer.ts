// A child process for the crash test: writes localities through the services,
// one transaction each, and prints the id of each write only after it committed.
import { createServices } from '../../electron/core/services.ts';

const file = process.argv[2]!;
const tag = process.argv[3]!;
const services = await createServices(file);
for (let i = 0; ; i++) {
  const result = await services.call('localities.create', { name: `${tag} ${i} 漳州`, nativeName: '漳州市', country: 'CN', level: 'city', parentId: null });
  if (!result.ok) {
    process.stderr.write(`${JSON.stringify(result.error)}\n`);
    process.exit(2);
  }
  process.stdout.write(`${result.value.id}\n`);
}
