import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fixture projects may contain files named *.test.ts that are data, not tests
    exclude: ['test/fixtures/**', '.tmp/**', 'node_modules/**', 'dist/**'],
    // engine tests build real TypeScript Programs over fixture projects
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
