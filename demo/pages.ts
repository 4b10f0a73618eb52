import { escapeHtml } from './http.ts';

/** The demo provider's own pages: plain HTML forms, readable at a glance, light and dark. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)} · Event Scout Demo</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; display: grid; place-items: center; min-height: 100vh; background: Canvas; color: CanvasText; }
  main { width: min(24rem, 90vw); padding: 2rem; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 12px; }
  h1 { font-size: 1.35rem; margin: 0 0 .25rem; }
  p.lede { margin: 0 0 1.5rem; opacity: .8; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem .6rem; border-radius: 6px; border: 1px solid color-mix(in srgb, CanvasText 40%, transparent); }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; font-weight: 600; padding: .55rem 1.1rem; border-radius: 6px; border: 1px solid transparent; cursor: pointer; }
  button.primary { background: #4f46e5; color: white; }
  button.secondary { background: transparent; color: inherit; border-color: color-mix(in srgb, CanvasText 40%, transparent); }
  [role=alert] { background: color-mix(in srgb, #dc2626 15%, Canvas); border: 1px solid #dc2626; border-radius: 6px; padding: .5rem .75rem; }
  ul { padding-left: 1.25rem; }
  .hint { font-size: .875rem; opacity: .75; margin-top: 1.5rem; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function loginPage(action: string, options: { login?: string; error?: string } = {}): string {
  return page(
    'Sign in',
    `<h1>Sign in to Event Scout Demo</h1>
<p class="lede">The local demo provider.</p>
${options.error ? `<p role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="login">Username</label>
  <input id="login" name="login" autocomplete="username" required autofocus value="${escapeHtml(options.login ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>
<p class="hint">Demo accounts: <b>demo</b> / <b>demo</b>, <b>sam</b> / <b>sam-password</b>.</p>`,
  );
}

export function consentPage(
  action: string,
  clientName: string,
  accountName: string,
  scopes: string[],
): string {
  const scopeText: Record<string, string> = { 'events:read': 'See events and your account name' };
  return page(
    'Allow access',
    `<h1>Allow ${escapeHtml(clientName)}?</h1>
<p class="lede">Signed in as ${escapeHtml(accountName)}. ${escapeHtml(clientName)} will be able to:</p>
<ul>${scopes.map((scope) => `<li>${escapeHtml(scopeText[scope] ?? scope)}</li>`).join('')}</ul>
<form method="post" action="${escapeHtml(action)}">
  <div class="actions">
    <button class="primary" type="submit" name="decision" value="allow">Allow</button>
    <button class="secondary" type="submit" name="decision" value="deny">Deny</button>
  </div>
</form>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(message)}</p>`);
}

/** The local Eventbrite's sign-in: one page that signs in and approves the app together. */
export function eventbriteLoginPage(
  action: string,
  options: { login?: string; error?: string } = {},
): string {
  return page(
    'Log in',
    `<h1>Log in to Eventbrite (local)</h1>
<p class="lede">Event Scout will see your orders and your organizations’ events.</p>
${options.error ? `<p role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="login">Username</label>
  <input id="login" name="login" autocomplete="username" autofocus value="${escapeHtml(options.login ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password">
  <div class="actions">
    <button class="primary" type="submit" name="decision" value="allow">Log in and allow</button>
    <button class="secondary" type="submit" name="decision" value="deny">Deny</button>
  </div>
</form>
<p class="hint">Demo accounts: <b>demo</b> / <b>demo</b>, <b>sam</b> / <b>sam-password</b>.</p>`,
  );
}
