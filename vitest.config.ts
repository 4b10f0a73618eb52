import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Three tiers: unit (fake browser), integration (real servers on loopback), e2e (real Chromium). */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          setupFiles: [
            'test/support/build-config.ts',
            'fake-indexeddb/auto',
            'test/support/fake-permissions.ts',
            'test/support/fake-menus.ts',
            'test/support/fake-i18n.ts',
            'test/support/fake-locks.ts',
          ],
          restoreMocks: true,
        },
      },
      {
        plugins: [WxtVitest()],
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          setupFiles: [
            'test/support/build-config.ts',
            'fake-indexeddb/auto',
            'test/support/fake-permissions.ts',
            'test/support/fake-menus.ts',
            'test/support/fake-i18n.ts',
            'test/support/fake-locks.ts',
          ],
          restoreMocks: true,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser at a time on a 2-core machine, and one demo server port per run.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
