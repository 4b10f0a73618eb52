import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fakeEvent } from './fake-event';

/**
 * The fake browser has no permissions API. This one keeps grants in memory, as a fresh install has
 * them: every host permission granted, no optional permission. Tests withdraw or grant what they need.
 */
export const grants = { withdrawnOrigins: new Set<string>(), permissions: new Set<string>() };

type Query = { origins?: string[]; permissions?: string[] };

// The fakes' types also carry Chrome's callback overloads, which return void; ours are the promise forms.
/* eslint-disable @typescript-eslint/no-misused-promises -- see above */
beforeEach(() => {
  grants.withdrawnOrigins.clear();
  grants.permissions.clear();
  const holds = ({ origins = [], permissions = [] }: Query) =>
    origins.every((origin) => !grants.withdrawnOrigins.has(origin)) &&
    permissions.every((name) => grants.permissions.has(name));
  const added = fakeEvent<[Query]>(fakeBrowser.permissions.onAdded);
  const removed = fakeEvent<[Query]>(fakeBrowser.permissions.onRemoved);
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async (query: Query) => holds(query));
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(
    async ({ origins = [], permissions = [] }: Query) => {
      for (const origin of origins) grants.withdrawnOrigins.delete(origin);
      for (const name of permissions) grants.permissions.add(name);
      added({ origins, permissions });
      return true;
    },
  );
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(
    async ({ origins = [], permissions = [] }: Query) => {
      for (const origin of origins) grants.withdrawnOrigins.add(origin);
      for (const name of permissions) grants.permissions.delete(name);
      removed({ origins, permissions });
      return true;
    },
  );
});
/* eslint-enable @typescript-eslint/no-misused-promises -- the fakes end here */
