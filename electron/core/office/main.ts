// `npm run serve -- --db FILE [--listen HOST:PORT] [--tls-cert F --tls-key F]` and the CLI's `serve`:
// the office server. One machine keeps the SQLite file on its own disk (never on a network share)
// and the staff work on it over HTTPS, each signed in as themselves.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { runOfficeServer } from './run.ts';
import { terminalT } from '../terminal.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'twinning-desk.sqlite' },
    listen: { type: 'string', default: '127.0.0.1:8443' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

const code = await runOfficeServer(
  { db: values.db, listen: values.listen, tlsCert: values['tls-cert'], tlsKey: values['tls-key'], json: values.json },
  {
    t: terminalT(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    rendererDir: fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
    workerUrl: new URL('../jobs/worker.ts', import.meta.url),
  },
);
if (code !== null) process.exit(code);
