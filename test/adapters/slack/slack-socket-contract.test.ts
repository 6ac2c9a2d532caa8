import { runAdapterContract } from '../contract.ts';
import { createSlackHarness } from './slack-harness.ts';

runAdapterContract('slack (Socket Mode)', () => createSlackHarness({ socketMode: true }));
