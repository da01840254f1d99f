// Runs first in `npm start`, `npm run web`, `npm run cli` and the installed command.
// Plain JavaScript that any Node can parse (nothing newer than ES2017, no TypeScript):
// Node 20 fails on `--experimental-strip-types` before any of our code runs, so the
// version is checked here, in one translated line, before that flag is ever used.
import fs from 'fs';
import { fileURLToPath } from 'url';

const root = new URL('../', import.meta.url);

/** The minimum from package.json's "engines" (">=22.12"): the one place it is written. */
export function requiredNode() {
  const range = JSON.parse(fs.readFileSync(new URL('package.json', root), 'utf8')).engines.node;
  const match = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(range);
  return [Number(match[1]), Number(match[2]), Number(match[3] || 0)];
}

function older(version, than) {
  const parts = version.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((parts[i] || 0) !== than[i]) return (parts[i] || 0) < than[i];
  return false;
}

// The same choice as electron/core/terminal.ts's languageFromEnv, which this file cannot import.
function language(env) {
  const raw = (env.TWINNING_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG || '').slice(0, 2).toLowerCase();
  return raw === 'pt' || raw === 'en' ? raw : 'es';
}

/** The line to print when `version` is too old for us, else null. */
export function nodeProblem(version, env) {
  const required = requiredNode();
  if (!older(version, required)) return null;
  const texts = JSON.parse(fs.readFileSync(new URL('shared/i18n/locales/' + language(env) + '/server.json', root), 'utf8'));
  const params = { required: required[0] + '.' + required[1], current: version };
  return texts.launch.nodeTooOld.replace(/\{\{(\w+)\}\}/g, function (_, key) {
    return params[key];
  });
}

if (process.argv[1] && fs.realpathSync(fileURLToPath(import.meta.url)) === fs.realpathSync(process.argv[1])) {
  const problem = nodeProblem(process.versions.node, process.env);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
