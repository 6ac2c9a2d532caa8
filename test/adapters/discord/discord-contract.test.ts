import { runAdapterContract } from '../contract.ts';
import { makeDiscordHarness } from './discord-harness.ts';

runAdapterContract('discord', () => makeDiscordHarness());
