import { defineConfig } from 'vitest/config';

// `npm test` runs the server's integration tests, the demo data's tests (a lane of their own: they
// seed the whole demo set in every file) and the web app's component tests together.
export default defineConfig({
  test: {
    projects: ['server/vitest.config.ts', 'server/test/seed/vitest.config.ts', 'web/vitest.config.ts'],
    maxWorkers: 2,
  },
});
