import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Adapter suites start real servers on 127.0.0.1; two cores, so keep parallelism modest.
    maxWorkers: 2,
  },
});
