#!/usr/bin/env node
// Runs a TypeScript script the way the bot itself runs (bundled, with the bot's V8 settings):
// `node bin/run-bundled.mjs PATH.ts ARGS…`. The benchmarks measure the bot through it.
import { applyRuntimeFlags, importBundled } from './load-bundle.mjs';

const [script] = process.argv.slice(2);
if (!script) {
  console.error('usage: run-bundled.mjs SCRIPT.ts [ARGS…]');
  process.exit(2);
}
process.argv.splice(2, 1);
applyRuntimeFlags();
await importBundled(script);
