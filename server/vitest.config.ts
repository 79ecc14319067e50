import { type ViteUserConfig, configDefaults, defineConfig } from 'vitest/config';

/** What the server's two lanes share: `server` here, `seed` (the demo data's slow tests) in the root vitest.config.ts. */
export const serverTestSettings = {
  globalSetup: ['test/helpers/global-setup.ts'],
  setupFiles: ['test/helpers/row-checks.ts'],
  pool: 'forks',
  maxWorkers: 2,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Each file gets its own database; files run in parallel, tests inside a file in order.
  fileParallelism: true,
} satisfies NonNullable<ViteUserConfig['test']>;

export default defineConfig({
  test: {
    ...serverTestSettings,
    name: 'server',
    include: ['test/**/*.test.ts'],
    // The seed seeds the whole demo set in every file: those tests run in the `seed` lane (npm run test:seed).
    exclude: [...configDefaults.exclude, 'test/seed/**'],
  },
});
