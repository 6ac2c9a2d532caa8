export { createSlackAdapter, type SlackAdapter, type SlackAdapterConfig } from './create-slack-adapter.ts';
export {
  cleanPlainText,
  escapeMrkdwn,
  formatSlackLink,
  truncateMrkdwn,
  truncatePlain,
} from './escape-mrkdwn.ts';
export { mapSlackError, type PostFailure } from './map-slack-error.ts';
export { renderDigestBlocks, renderReplyBlocks, SLACK_LIMITS, type SlackMessage } from './render-blocks.ts';
