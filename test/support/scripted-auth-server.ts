import { fakeFetch } from './fake-fetch';

/**
 * A scripted authorization server (fetch stubbed): discovery, the token endpoint and the events API's
 * /users/me/, each answering what the test put in `script`. The same flows run against the real server
 * in test/integration.
 */
export const ISSUER = 'http://127.0.0.1:8787';

export interface Script {
  token?: () => Response;
  usersMe?: () => Response;
}

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
export const goodTokens = () =>
  json({ access_token: 'at-1', refresh_token: 'rt-1', token_type: 'Bearer', expires_in: 3600 });
const dana = () =>
  json({ id: '1001', name: 'Dana Demo', emails: [{ email: 'dana@demo.test', primary: true }] });

export interface ScriptedAuthServer {
  script: Script;
  /** The body of every token request, in order. */
  tokenRequests: URLSearchParams[];
}

export function stubAuthServer(): ScriptedAuthServer {
  const server: ScriptedAuthServer = { script: {}, tokenRequests: [] };
  fakeFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/.well-known/openid-configuration') {
      return json({
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/auth`,
        token_endpoint: `${ISSUER}/token`,
        revocation_endpoint: `${ISSUER}/token/revocation`,
        authorization_response_iss_parameter_supported: true,
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/token') {
      server.tokenRequests.push(new URLSearchParams(await request.text()));
      return (server.script.token ?? goodTokens)();
    }
    if (url.pathname === '/v3/users/me/') return (server.script.usersMe ?? dana)();
    return json({ error: 'NOT_FOUND' }, 404);
  });
  return server;
}

/** What the server would redirect to, built from the real authorization request. */
export function callbackFor(authorizeUrl: string, override: Record<string, string | null> = {}): string {
  const request = new URL(authorizeUrl).searchParams;
  const callback = new URL(request.get('redirect_uri')!);
  const params: Record<string, string | null> = {
    code: 'the-code',
    state: request.get('state'),
    iss: ISSUER,
    ...override,
  };
  for (const [name, value] of Object.entries(params))
    if (value !== null) callback.searchParams.set(name, value);
  return callback.href;
}
