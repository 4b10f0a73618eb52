import type { BuildConfig } from './build-defaults';

/**
 * Compiled in by wxt.config.ts (lib/build-defaults.ts buildConfigDefine); under vitest a global that
 * test/support/build-config.ts sets before any module reads it.
 */
declare const __EVENT_SCOUT_CONFIG__: BuildConfig;

/** What this build was pointed at. */
export const config: BuildConfig = __EVENT_SCOUT_CONFIG__;
