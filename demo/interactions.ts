import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { checkPassword, findAccountById } from './accounts.ts';
import { readForm, sendHtml } from './http.ts';
import { consentPage, errorPage, loginPage } from './pages.ts';

const ROUTE = /^\/interaction\/([\w-]+)(?:\/(login|consent))?$/;

/**
 * The login and consent pages. They answer 200 even to say no: Chrome closes an auth window whose
 * page fails to load, and the person should read why.
 * Returns false when the path is not an interaction route.
 * A wrong password re-renders the form with an alert and never finishes the interaction;
 * "Deny" ends it with `access_denied`, which the server sends back to the extension.
 */
export async function handleInteraction(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
): Promise<boolean> {
  const match = ROUTE.exec(path);
  if (!match) return false;
  const [, uid, step] = match;

  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(
      res,
      200,
      errorPage(
        'Sign-in expired',
        'This sign-in page has expired. Close this window and sign in again from Event Scout.',
      ),
    );
    return true;
  }
  if (details.uid !== uid) {
    sendHtml(
      res,
      200,
      errorPage(
        'Sign-in expired',
        'This sign-in page is no longer current. Close this window and try again.',
      ),
    );
    return true;
  }
  const prompt = details.prompt.name;

  if (req.method === 'GET' && !step) {
    if (prompt === 'login') {
      sendHtml(res, 200, loginPage(`/interaction/${uid}/login`));
    } else {
      const account = findAccountById(String(details.session?.accountId));
      const client = await provider.Client.find(String(details.params.client_id));
      const scopes = (typeof details.params.scope === 'string' ? details.params.scope : '')
        .split(' ')
        .filter(Boolean);
      sendHtml(
        res,
        200,
        consentPage(
          `/interaction/${uid}/consent`,
          client?.clientName ?? 'This app',
          account ? `${account.firstName} ${account.lastName}` : 'you',
          scopes,
        ),
      );
    }
    return true;
  }

  if (req.method === 'POST' && step === 'login' && prompt === 'login') {
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    const account = checkPassword(login, form.get('password') ?? '');
    if (!account) {
      sendHtml(
        res,
        200,
        loginPage(`/interaction/${uid}/login`, { login, error: 'Wrong username or password. Try again.' }),
      );
      return true;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.id } },
      { mergeWithLastSubmission: false },
    );
    return true;
  }

  if (req.method === 'POST' && step === 'consent' && prompt === 'consent') {
    const form = await readForm(req);
    if (form.get('decision') !== 'allow') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user denied access.' },
        { mergeWithLastSubmission: false },
      );
      return true;
    }
    const { accountId } = details.session ?? {};
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) throw new Error('grant vanished during consent');
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return true;
  }

  sendHtml(res, 405, errorPage('Not allowed', 'That step is not part of this sign-in.'));
  return true;
}
