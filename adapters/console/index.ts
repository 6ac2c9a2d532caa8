export {
  CONSOLE_CHANNEL,
  type ConsoleAdapterConfig,
  createConsoleAdapter,
} from './create-console-adapter.ts';
export {
  createStyler,
  renderDigestText,
  type Styler,
  sanitizeTerminalLines,
  sanitizeTerminalText,
  type TextStyle,
} from './render-digest-text.ts';
