import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { findAccountById } from './accounts.ts';
import { EXTENSION_ORIGIN } from './http.ts';
import type { MemoryAdapterClass } from './memory-adapter.ts';
import { extensionRedirectUris } from './redirect-uris.ts';

export const DEMO_CLIENT_ID = 'event-scout';
export const DEMO_SCOPE = 'events:read';

export interface AuthServerOptions {
  issuer: string;
  /** The events API, the one resource server; access tokens are issued for it. */
  apiBase: string;
  clientId?: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  /** Where grants and tokens are kept (demo/memory-adapter.ts). */
  adapter: MemoryAdapterClass;
}

/**
 * The demo provider's OAuth 2 authorization server: a public client with PKCE S256 required,
 * opaque access tokens for the events API, refresh tokens issued for every grant and rotated on
 * every use (a reused one revokes the grant), RFC 7009 revocation, RFC 9207 `iss` in responses.
 * Login and consent are our own pages (see interactions.ts), not the development ones.
 */
export function createAuthServer(options: AuthServerOptions): Provider {
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  const configuration: Configuration = {
    adapter: options.adapter,
    clients: [
      {
        client_id: options.clientId ?? DEMO_CLIENT_ID,
        client_name: 'Event Scout',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: extensionRedirectUris(),
      },
    ],
    scopes: [DEMO_SCOPE],
    jwks: { keys: [{ ...signingKey, use: 'sig', alg: 'RS256', kid: 'demo' }] as never },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    findAccount: async (_ctx, sub) =>
      findAccountById(sub) ? { accountId: sub, claims: async () => ({ sub }) } : undefined,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // A public client may revoke only its own tokens; another client's are left alone, silently (RFC 7009).
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx, client, token) => token.clientId === client.clientId,
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.apiBase,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== options.apiBase) throw new errors.InvalidTarget();
          return {
            scope: DEMO_SCOPE,
            audience: options.apiBase,
            accessTokenTTL: options.accessTokenTtl,
            accessTokenFormat: 'opaque',
          };
        },
      },
    },
    pkce: { required: () => true },
    // Refresh tokens for every grant, without offline_access + prompt=consent, rotated on each use.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    expiresWithSession: async () => false,
    ttl: {
      AccessToken: options.accessTokenTtl,
      RefreshToken: options.refreshTokenTtl,
      AuthorizationCode: 60,
      Interaction: 10 * 60,
      Session: 14 * 24 * 60 * 60,
      Grant: options.refreshTokenTtl,
    },
    // The extension's background calls the token and revocation endpoints from its own origin.
    clientBasedCORS: (_ctx: KoaContextWithOIDC, origin: string) => EXTENSION_ORIGIN.test(origin),
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><meta charset="utf-8"><title>Sign-in error</title><h1>Sign-in error</h1><p role="alert">${String(out.error_description ?? out.error).replace(/[<&]/g, '')}</p>`;
    },
  };

  const provider = new Provider(options.issuer, configuration);
  return provider;
}
