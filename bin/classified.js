#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI lives in dist/ (built by `npm run build`, run on install by `prepare`)
// and runs in a worker thread with a large stack (see src/cli/run-in-worker.ts).
const { runInWorker } = require('../dist/src/cli/run-in-worker.js');

runInWorker(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`classified: internal error: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
