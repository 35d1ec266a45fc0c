import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // engine tests build real TypeScript Programs over fixture projects
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
