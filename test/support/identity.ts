import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeRedirectUri } from '../../demo/redirect-uris';

export const REDIRECT_URI = chromeRedirectUri();

type Launch = (details: { url: string; interactive?: boolean }) => Promise<string | undefined>;

/** The fake browser has no identity API: this stands in for launchWebAuthFlow and Chrome's redirect URL. */
export function stubIdentity(launch: Launch) {
  vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(REDIRECT_URI);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the fake's type also has Chrome's callback overload, which returns void
  return vi.spyOn(fakeBrowser.identity, 'launchWebAuthFlow').mockImplementation(launch);
}
