import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { serverTestSettings } from '../../vitest.config.js';

// The `seed` lane (npm run test:seed): the demo data's tests, slow because every file seeds the whole set.
// The same settings as the `server` lane, which leaves these files out; paths are relative to server/.
export default defineConfig({
  test: {
    ...serverTestSettings,
    name: 'seed',
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/seed/**/*.test.ts'],
  },
});
