import readline from 'node:readline';

const MAX_SECRET = 4096;

/**
 * A password from standard input: typed at a terminal (not echoed), or piped (`printf … |`),
 * first line only. Null when standard input is empty.
 */
export function readSecretFromStdin(prompt: string): Promise<string | null> {
  const input = process.stdin;
  if (input.isTTY) {
    process.stderr.write(prompt);
    return new Promise((resolve) => {
      let typed = '';
      input.setRawMode(true);
      input.resume();
      const done = (value: string | null) => {
        input.setRawMode(false);
        input.pause();
        input.off('data', onData);
        process.stderr.write('\n');
        resolve(value);
      };
      const onData = (chunk: Buffer) => {
        for (const ch of chunk.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            done(typed);
            return;
          }
          if (ch === '\u0003' || ch === '\u0004') {
            done(null);
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else if (typed.length < MAX_SECRET) typed += ch;
        }
      };
      input.on('data', onData);
    });
  }
  return new Promise((resolve) => {
    const lines = readline.createInterface({ input, terminal: false });
    let first: string | null = null;
    lines.once('line', (line) => {
      first = line.slice(0, MAX_SECRET);
      lines.close();
    });
    lines.once('close', () => resolve(first));
  });
}
