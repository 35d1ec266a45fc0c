import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fixture projects may contain files named *.test.ts that are data, not tests
    exclude: ['test/fixtures/**', '.tmp/**', 'node_modules/**', 'dist/**'],
    // engine tests build real TypeScript Programs over fixture projects
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // child processes, not threads: the CLI helper changes the working directory (helpers/run-cli.ts)
    pool: 'forks',
    // vitest's default leaves one of two cores idle; test files wait on child processes
    // (git, tsc, npm, the CLI) much of the time, so both cores are worth a worker
    maxWorkers: 2,
    isolate: false,
  },
});
