import { demoBuildEnv } from '../../demo/build-env';
import type { DemoServer } from '../../demo/server';
import { compileConfig } from './build-config';

/**
 * The build's configuration (lib/config.ts) pointed at a demo server, as a build for it would have it:
 * the demo provider, the local Eventbrite and Ticketmaster. Modules that read it must be imported after this.
 */
export function pointBuildAt(demo: DemoServer, options: { ticketmasterKey?: boolean } = {}): void {
  compileConfig({ ...process.env, ...demoBuildEnv(demo.issuer, options) });
}
