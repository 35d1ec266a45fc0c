/**
 * Runs a node script as a child process and measures it: wall time, user + system CPU time and
 * peak RSS (`/usr/bin/time -v`, or an in-process wrapper reading `process.resourceUsage()` when
 * GNU time is missing). Shared by `npm run bench` and `npm run eval:real`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const GNU_TIME = '/usr/bin/time';
export const HEAP_FLAG = '--max-old-space-size=8192';
const CHILD_TIMEOUT_MS = 60 * 60 * 1000;

export interface Measurement {
  readonly seconds: number;
  /** user + system CPU time of the child (less sensitive to other load on the machine than wall time) */
  readonly cpuSeconds: number;
  readonly peakMb: number;
  readonly exitCode: number;
  readonly timedOut: boolean;
}

export interface MeasureOptions {
  readonly cwd: string;
  /** stdout and stderr of the child go here */
  readonly logFile: string;
  /** scratch folder for the RSS report and the wrapper */
  readonly workDir: string;
  readonly useGnuTime: boolean;
  /** the child is killed after this long (default one hour) */
  readonly timeoutMs?: number;
}

/** A wrapper that runs a CommonJS/ESM node script in-process and records its peak RSS on exit. */
const RSS_WRAPPER = `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [, , out, script, ...args] = process.argv;
process.on('exit', (code) => {
  const usage = process.resourceUsage();
  fs.writeFileSync(out, JSON.stringify({ maxRssKb: usage.maxRSS, cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, code }));
});
process.argv = [process.argv[0], path.resolve(script), ...args];
try {
  require(path.resolve(script));
} catch (error) {
  if (error && error.code === 'ERR_REQUIRE_ESM') import(require('node:url').pathToFileURL(path.resolve(script)).href);
  else throw error;
}
`;

/** Whether GNU time can measure peak memory here; `disableVariable=1` in the environment forces the wrapper. */
export function hasGnuTime(disableVariable: string): boolean {
  if (process.env[disableVariable] === '1' || !fs.existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
}

/** Runs `node <heap flag> <script> <args>` once and returns its wall time, CPU time and peak RSS. */
export function measureNode(script: string, args: readonly string[], options: MeasureOptions): Measurement {
  const nodeArgs = [HEAP_FLAG];
  // coreutils `timeout` kills node itself; killing the GNU time wrapper would leave node running
  const limit = options.timeoutMs === undefined ? [] : ['timeout', '-s', 'KILL', String(Math.ceil(options.timeoutMs / 1000))];
  const rssFile = path.join(options.workDir, `rss-${process.pid}.txt`);
  fs.rmSync(rssFile, { force: true });
  const log = fs.openSync(options.logFile, 'w');
  let command: string;
  let commandArgs: string[];
  if (options.useGnuTime) {
    command = GNU_TIME;
    commandArgs = ['-v', '-o', rssFile, ...limit, process.execPath, ...nodeArgs, script, ...args];
  } else {
    const wrapper = path.join(options.workDir, 'rss-wrapper.cjs');
    if (!fs.existsSync(wrapper)) fs.writeFileSync(wrapper, RSS_WRAPPER);
    [command, ...commandArgs] = [...limit, process.execPath, ...nodeArgs, wrapper, rssFile, script, ...args] as [string, ...string[]];
  }
  const started = process.hrtime.bigint();
  const child = spawnSync(command, commandArgs, { cwd: options.cwd, stdio: ['ignore', log, log], timeout: options.timeoutMs === undefined ? CHILD_TIMEOUT_MS : options.timeoutMs + 60_000, killSignal: 'SIGKILL' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  fs.closeSync(log);
  const timedOut = options.timeoutMs !== undefined && seconds * 1000 >= options.timeoutMs && (child.signal === 'SIGKILL' || child.status === 137);
  if (child.error !== undefined && !timedOut) throw new Error(`${path.basename(script)} could not run: ${child.error.message} (log: ${options.logFile})`);
  const exitCode = child.status ?? -1;
  let peakKb = Number.NaN;
  let cpuSeconds = Number.NaN;
  if (fs.existsSync(rssFile)) {
    const text = fs.readFileSync(rssFile, 'utf8');
    if (options.useGnuTime) {
      const field = (label: string): number => Number(new RegExp(`${label}:\\s*([\\d.]+)`).exec(text)?.[1] ?? Number.NaN);
      peakKb = field('Maximum resident set size \\(kbytes\\)');
      cpuSeconds = field('User time \\(seconds\\)') + field('System time \\(seconds\\)');
    } else {
      const usage = JSON.parse(text) as { maxRssKb: number; cpuSeconds: number };
      peakKb = usage.maxRssKb;
      cpuSeconds = usage.cpuSeconds;
    }
    fs.rmSync(rssFile, { force: true });
  }
  return { seconds, cpuSeconds, peakMb: peakKb / 1024, exitCode, timedOut };
}
