/**
 * Does what the auth window does, with plain HTTP: follows the authorization request through the
 * demo server's login and consent pages, keeping its cookies, and returns the URL the server
 * finally redirects to (the extension's redirect URI with the code or the error).
 */
export interface Walk {
  login: string;
  password: string;
  decision?: 'allow' | 'deny';
}

const formAction = (html: string) =>
  /<form method="post" action="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#38;', '&');

export async function walkAuthorization(authorizeUrl: string, walk: Walk): Promise<string> {
  const origin = new URL(authorizeUrl).origin;
  const cookies = new Map<string, string>();
  let request: { url: string; method: 'GET' | 'POST'; form?: URLSearchParams } = {
    url: authorizeUrl,
    method: 'GET',
  };

  for (let step = 0; step < 12; step++) {
    const response = await fetch(request.url, {
      method: request.method,
      body: request.form,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; ') },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', value = ''] = pair.split('=', 2);
      cookies.set(name.trim(), value);
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url).href;
      if (!next.startsWith(origin)) return next;
      request = { url: next, method: 'GET' };
      continue;
    }
    const html = await response.text();
    const refusal = /role="alert">([^<]+)</.exec(html)?.[1];
    if (refusal) throw new Error(`refused: ${refusal}`);
    const action = formAction(html);
    if (!action) throw new Error(`unexpected page (${response.status}): ${html.slice(0, 300)}`);
    const url = new URL(action, request.url).href;
    if (html.includes('name="password"')) {
      request = {
        url,
        method: 'POST',
        form: new URLSearchParams({ login: walk.login, password: walk.password }),
      };
    } else if (html.includes('name="decision"')) {
      request = { url, method: 'POST', form: new URLSearchParams({ decision: walk.decision ?? 'allow' }) };
    } else {
      throw new Error(`unexpected form: ${html.slice(0, 300)}`);
    }
  }
  throw new Error('too many steps in the authorization walk');
}
