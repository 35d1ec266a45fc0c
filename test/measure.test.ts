import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasGnuTime, measureNode } from '../scripts/measure.js';

describe('measuring a child process', () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'classified-measure-'));
  const spin = path.join(workDir, 'spin.js');
  fs.writeFileSync(spin, 'for (;;) {}\n');
  const done = path.join(workDir, 'done.js');
  fs.writeFileSync(done, 'process.exitCode = 3;\n');

  for (const useGnuTime of [false, ...(hasGnuTime('NO_GNU_TIME_IN_THIS_TEST') ? [true] : [])]) {
    it(`stops a child at its time limit and says so (${useGnuTime ? 'GNU time' : 'resourceUsage wrapper'})`, () => {
      const measured = measureNode(spin, [], { cwd: workDir, logFile: path.join(workDir, 'spin.log'), workDir, useGnuTime, timeoutMs: 1500 });
      expect(measured.timedOut).toBe(true);
      expect(measured.seconds).toBeLessThan(30);
    });

    it(`reports the exit code of a child that finishes (${useGnuTime ? 'GNU time' : 'resourceUsage wrapper'})`, () => {
      const measured = measureNode(done, [], { cwd: workDir, logFile: path.join(workDir, 'done.log'), workDir, useGnuTime, timeoutMs: 60_000 });
      expect([measured.timedOut, measured.exitCode]).toEqual([false, 3]);
      expect(measured.peakMb).toBeGreaterThan(0);
    });
  }
});
