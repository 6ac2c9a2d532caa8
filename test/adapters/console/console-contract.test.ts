import { runAdapterContract } from '../contract.ts';
import { createConsoleHarness } from './console-harness.ts';

runAdapterContract('console', () => createConsoleHarness());
