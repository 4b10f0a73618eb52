import { vi } from 'vitest';
import { demoBuildEnv } from '../../demo/build-env';
import type { DemoServer } from '../../demo/server';

/**
 * The build variables (lib/config.ts) pointed at a demo server, as a build for it would have them: the
 * demo provider, the local Eventbrite and Ticketmaster. Modules that read them must be imported after this.
 */
export function pointBuildAt(demo: DemoServer, options: { ticketmasterKey?: boolean } = {}): void {
  for (const [name, value] of Object.entries(demoBuildEnv(demo.issuer, options))) vi.stubEnv(name, value);
}
