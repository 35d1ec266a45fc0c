#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI lives in dist/ (built by `npm run build`, run on install by `prepare`).
const { main } = require('../dist/src/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`classified: internal error: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
