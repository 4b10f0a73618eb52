import { buildConfig } from '../../lib/build-defaults';

/**
 * lib/config.ts reads the configuration a build compiles in (lib/build-defaults.ts buildConfigDefine);
 * under vitest it is this global, set before any module reads it, from the environment as a build would.
 */
export function compileConfig(env: Partial<Record<string, string | undefined>>): void {
  (globalThis as { __EVENT_SCOUT_CONFIG__?: unknown }).__EVENT_SCOUT_CONFIG__ = buildConfig(env);
}

compileConfig(process.env);
