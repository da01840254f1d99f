#!/usr/bin/env node
// The installed command. Node does not strip types inside node_modules, so an installed
// package runs the built CLI (out/main/cli.js); a checkout without a build runs the source.
import fs from 'node:fs';
import { nodeProblem } from './check-node.mjs';

const problem = nodeProblem(process.versions.node, process.env);
if (problem) {
  console.error(problem);
  process.exit(1);
}
const built = new URL('../out/main/cli.js', import.meta.url);
await import(fs.existsSync(built) ? built.href : new URL('../electron/core/cli/main.ts', import.meta.url).href);
