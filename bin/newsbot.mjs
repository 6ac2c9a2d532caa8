#!/usr/bin/env node
// The CLI entry: works right after `npm ci` (see load-bundle.mjs for how the sources are loaded).
import { applyRuntimeFlags, importBundled } from './load-bundle.mjs';

applyRuntimeFlags();
const { runCli } = await importBundled('src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
