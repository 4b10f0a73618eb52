import { browser } from 'wxt/browser';
import { config } from './config';
import type { ProviderId } from './provider-id';

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
