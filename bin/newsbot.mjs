#!/usr/bin/env node
// The CLI entry: TypeScript sources run through tsx, so `npx newsbot` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
