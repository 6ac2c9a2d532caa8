import { Agent, type Dispatcher } from 'undici';

const SLACK_API_ORIGIN = 'https://slack.com';
const SLACK_API_PATH = '/api/';

/**
 * An undici dispatcher that sends calls meant for https://slack.com/api/… to `apiUrl` instead.
 * Socket Mode's own Web API client (apps.connections.open) takes no base URL, only a dispatcher;
 * this lets SLACK_API_URL (a proxy, or a local fake in tests) apply in Socket Mode too.
 */
export function createApiRedirectAgent(apiUrl: string): Dispatcher {
  const target = new URL(apiUrl);
  const basePath = target.pathname.endsWith('/') ? target.pathname : `${target.pathname}/`;
  class ApiRedirectAgent extends Agent {
    override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      const origin = opts.origin === undefined ? '' : new URL(String(opts.origin)).origin;
      if (origin !== SLACK_API_ORIGIN || !opts.path.startsWith(SLACK_API_PATH))
        return super.dispatch(opts, handler);
      const path = basePath + opts.path.slice(SLACK_API_PATH.length);
      return super.dispatch({ ...opts, origin: target.origin, path }, handler);
    }
  }
  return new ApiRedirectAgent();
}
