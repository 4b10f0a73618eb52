import { vi } from 'vitest';
import { LOCAL_EVENTBRITE_CLIENT_ID } from '../../demo/eventbrite-oauth';
import type { DemoServer } from '../../demo/server';

/**
 * The build variables (lib/config.ts) pointed at a demo server, as a build for it would have them: the
 * demo provider and the local Eventbrite both. Modules that read them must be imported after this.
 */
export function pointBuildAt(demo: DemoServer): void {
  vi.stubEnv('WXT_DEMO_ISSUER', demo.issuer);
  vi.stubEnv('WXT_DEMO_API', demo.apiBase);
  vi.stubEnv('WXT_EVENTBRITE_API', demo.apiBase);
  vi.stubEnv('WXT_EVENTBRITE_AUTHORIZE', `${demo.issuer}/oauth/authorize`);
  vi.stubEnv('WXT_EVENTBRITE_CLIENT_ID', LOCAL_EVENTBRITE_CLIENT_ID);
}
