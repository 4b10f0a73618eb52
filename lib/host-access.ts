import { browser } from 'wxt/browser';
import { config } from './config';
import type { ProviderId, SignInProviderId } from './provider-id';
import { OFFERED_SIGN_IN_PROVIDERS } from './settings';

/**
 * Host permissions at run time. Firefox lets users withdraw an MV3 extension's host permissions (and
 * Chrome lets them restrict site access), so requests to a provider are made only after checking, and a
 * page asks the user when they are missing.
 */
export const hostOrigins = (provider: ProviderId): string[] => config[provider].origins;

export function hasHostAccess(provider: ProviderId): Promise<boolean> {
  return browser.permissions.contains({ origins: hostOrigins(provider) });
}

/** Must be called from the click that asks for it: browsers allow the request only there. */
export function requestHostAccess(...providers: ProviderId[]): Promise<boolean> {
  return browser.permissions.request({ origins: [...new Set(providers.flatMap(hostOrigins))] });
}

/** "127.0.0.1:8787", "www.eventbriteapi.com": the hosts as a person reads them. */
export const hostNames = (provider: ProviderId): string[] =>
  hostOrigins(provider).map((origin) => new URL(origin.replace(/\/\*$/, '/')).host);

/** The sign-in providers whose hosts the extension may not reach now. */
export async function withoutAccess(): Promise<SignInProviderId[]> {
  const granted = await Promise.all(
    OFFERED_SIGN_IN_PROVIDERS.map((id) => hasHostAccess(id).catch(() => true)),
  );
  return OFFERED_SIGN_IN_PROVIDERS.filter((_, index) => !granted[index]);
}

/** Runs `check` whenever the extension's permissions change; returns what stops it. */
export function onPermissionsChanged(check: () => void): () => void {
  browser.permissions.onAdded.addListener(check);
  browser.permissions.onRemoved.addListener(check);
  return () => {
    browser.permissions.onAdded.removeListener(check);
    browser.permissions.onRemoved.removeListener(check);
  };
}
