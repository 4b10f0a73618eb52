import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkPassword, findAccountById } from './accounts.ts';
import { readForm, sendHtml } from './http.ts';
import { errorPage, eventbriteLoginPage } from './pages.ts';
import { extensionRedirectUris } from './redirect-uris.ts';

/** The API key of the local Eventbrite's one app. */
export const LOCAL_EVENTBRITE_CLIENT_ID = 'local-eventbrite-app';

const SESSION_COOKIE = 'eb_session';

/**
 * Eventbrite's client-side flow, played locally: `GET /oauth/authorize?response_type=token` shows a
 * login form, then redirects to the app's redirect URI with `#access_token=…`. Someone already signed
 * in here is sent straight back, as Eventbrite does for a user who approved the app before. Tokens do
 * not expire, like Eventbrite's; they end when the test revokes them.
 */
export class LocalEventbriteAuth {
  readonly #tokens = new Map<string, string>();
  readonly #sessions = new Map<string, string>();

  accountFor(token: string): string | undefined {
    return this.#tokens.get(token);
  }

  revokeAll(): void {
    this.#tokens.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname !== '/oauth/authorize') return false;
    const params = url.searchParams;
    const redirectUri = params.get('redirect_uri') ?? '';
    if (
      params.get('client_id') !== LOCAL_EVENTBRITE_CLIENT_ID ||
      !extensionRedirectUris().includes(redirectUri)
    ) {
      sendHtml(
        res,
        400,
        errorPage('Unknown application', 'This application or its redirect URI is not registered.'),
      );
      return true;
    }
    if (params.get('response_type') !== 'token') {
      this.#redirect(res, redirectUri, { error: 'unsupported_response_type' }, params.get('state'));
      return true;
    }

    const session = /(?:^|;\s*)eb_session=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];
    const signedIn = session ? this.#sessions.get(session) : undefined;
    if (req.method === 'GET' && signedIn) {
      this.#issue(res, redirectUri, signedIn, params.get('state'));
      return true;
    }
    if (req.method === 'GET') {
      sendHtml(res, 200, eventbriteLoginPage(url.pathname + url.search));
      return true;
    }

    const form = await readForm(req);
    if (form.get('decision') === 'deny') {
      this.#redirect(res, redirectUri, { error: 'access_denied' }, params.get('state'));
      return true;
    }
    const login = form.get('login') ?? '';
    const account = checkPassword(login, form.get('password') ?? '');
    if (!account) {
      sendHtml(
        res,
        200,
        eventbriteLoginPage(url.pathname + url.search, {
          login,
          error: 'Wrong username or password. Try again.',
        }),
      );
      return true;
    }
    const sessionId = randomBytes(16).toString('base64url');
    this.#sessions.set(sessionId, account.id);
    res.setHeader('set-cookie', `${SESSION_COOKIE}=${sessionId}; Path=/oauth; HttpOnly; SameSite=Lax`);
    this.#issue(res, redirectUri, account.id, params.get('state'));
    return true;
  }

  #issue(res: ServerResponse, redirectUri: string, accountId: string, state: string | null) {
    if (!findAccountById(accountId)) {
      this.#redirect(res, redirectUri, { error: 'access_denied' }, state);
      return;
    }
    const token = randomBytes(24).toString('base64url');
    this.#tokens.set(token, accountId);
    this.#redirect(res, redirectUri, { access_token: token, token_type: 'bearer' }, state);
  }

  #redirect(res: ServerResponse, redirectUri: string, values: Record<string, string>, state: string | null) {
    const fragment = new URLSearchParams({ ...values, ...(state ? { state } : {}) });
    res.writeHead(302, { location: `${redirectUri}#${fragment}` });
    res.end();
  }
}
