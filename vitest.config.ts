import { defineConfig } from 'vitest/config';

// `npm test` runs the server's integration tests and the web app's component tests together.
export default defineConfig({
  test: {
    projects: ['server/vitest.config.ts', 'web/vitest.config.ts'],
    maxWorkers: 2,
  },
});
