import type { BuildConfig } from './build-defaults';

/** Compiled in by wxt.config.ts (and vitest.config.ts): lib/build-defaults.ts buildConfigDefine. */
declare const __EVENT_SCOUT_CONFIG__: BuildConfig;

/** What this build was pointed at. */
export const config: BuildConfig = __EVENT_SCOUT_CONFIG__;
