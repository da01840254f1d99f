import { AppFailure, type Result } from '../../../shared/contract/result.ts';
import { createServices, type Services } from '../services.ts';
import { withJobWorker } from '../jobs/with-worker.ts';
import type { CliIo } from './command.ts';

/** Opens the file through the same services as the app, speaks the file's language unless told otherwise, and always closes. */
export async function withServices<T>(io: CliIo, file: string, run: (services: Services) => Promise<T>): Promise<T> {
  const opened = await createServices(file);
  const services = io.workerUrl ? withJobWorker(opened, { workerUrl: io.workerUrl }) : opened;
  try {
    const settings = await services.call('settings.get', {});
    if (settings.ok && !io.languageFixed) io.setLanguage(settings.value.language);
    if (settings.ok) io.setRegion(settings.value.region.country);
    return await run(services);
  } finally {
    await services.close();
  }
}

/** A call's value, or its error thrown so the CLI prints it as one translated line. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) throw new AppFailure(result.error);
  return result.value;
}
