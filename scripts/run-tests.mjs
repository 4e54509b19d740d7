#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/, one node:test process per file.
// (Node 20's `node --test DIR` silently runs nothing, so the files are listed here.)
//
// Two phases, so a browser test's time is its own:
//   1. unit and integration tests, TEST_CONCURRENCY files at once (default: the cores);
//   2. browser tests (test/e2e/), TEST_BROWSER_CONCURRENCY at once (default 1).
// Each file runs in its own process group. A file still running after
// TEST_FILE_TIMEOUT_MS (default 10 min) is killed with a message naming it and
// counts as failed, so a hang can never hold the run. When a file ends, whatever
// it left behind in its group (a browser, a server child) is killed too.
//
// The tests run compiled: the runner first builds dist/ (scripts/build.mjs, about a
// second) and runs each file's .js there, which saves each process about half of
// its start-up CPU. TEST_FROM_SOURCE=1 runs the .ts files through tsx instead
// (stack traces then name the source lines).
//
// Usage: npm test [-- substring ...]   (only files whose path contains a substring)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { build } from './build.mjs';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const BROWSER_DIR = 'test/e2e/';

const positive = (name, fallback) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`${name} must be a whole number of at least 1, not "${raw}"`);
    process.exit(2);
  }
  return n;
};
const concurrency = positive('TEST_CONCURRENCY', Math.max(2, availableParallelism()));
const browserConcurrency = positive('TEST_BROWSER_CONCURRENCY', 1);
const fileTimeoutMs = positive('TEST_FILE_TIMEOUT_MS', 10 * 60_000);
const fromSource = process.env.TEST_FROM_SOURCE === '1';

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

// Files that start processes of their own (CLI runs, server children) take
// longest: they go first, so that no long file starts last and runs alone.
const startsProcesses = (file) => /\b(spawn|spawnSync|execFile|startServeChild)\(/.test(readFileSync(join(root, file), 'utf8'));
const files = ['src', 'test']
  .flatMap((dir) => { try { return walk(join(root, dir), []); } catch { return []; } })
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .map((file) => ({ file, first: startsProcesses(file) }))
  .sort((a, b) => Number(b.first) - Number(a.first) || a.file.localeCompare(b.file))
  .map((f) => f.file);

if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

const running = new Set();
const results = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** The spec reporter's closing counts ("ℹ pass 12"), or null when the file printed none. */
function counts(output) {
  const found = {};
  for (const m of output.matchAll(/^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) found[m[1]] = Number(m[2]);
  return 'tests' in found ? found : null;
}

function killGroup(child, signal) {
  try { process.kill(-child.pid, signal); } catch { /* the group is gone */ }
}

/** The node arguments that run a test file: its compiled .js in dist/, or its source through tsx. */
const testArgs = (file) => (fromSource
  ? ['--import', 'tsx', '--test-force-exit', '--test-reporter=spec', file]
  : ['--test-force-exit', '--test-reporter=spec', join('dist', file.replace(/\.tsx?$/, '.js'))]);

function runFile(file) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      testArgs(file),
      {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TZ: process.env.TZ ?? 'Pacific/Kiritimati', FORCE_COLOR: '0' },
      },
    );
    running.add(child);
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    let timedOut = false;
    const watchdog = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 5_000).unref();
    }, fileTimeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      running.delete(child);
      killGroup(child, 'SIGKILL'); // a browser or server the file left behind
      const output = Buffer.concat(chunks).toString('utf8');
      const ms = Date.now() - started;
      const c = counts(output);
      let problem = null;
      if (timedOut) problem = `TIMEOUT: ${file} ran past ${seconds(fileTimeoutMs)} and was killed (TEST_FILE_TIMEOUT_MS)`;
      else if (code !== 0) problem = `FAILED: ${file} exited with ${signal ?? `code ${code}`}`;
      else if (!c) problem = `FAILED: ${file} reported no test results`;
      const result = { file, ms, code, counts: c ?? { tests: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 }, problem };
      results.push(result);
      process.stdout.write(`\n── ${file} (${seconds(ms)})\n${output.trimEnd()}\n${problem ? `\n${problem}\n` : ''}`);
      resolve(result);
    });
  });
}

async function runPhase(name, list, limit) {
  if (list.length === 0) return;
  const started = Date.now();
  console.log(`\n==> ${name}: ${list.length} file${list.length === 1 ? '' : 's'}, ${limit} at a time`);
  const queue = [...list];
  const worker = async () => {
    while (queue.length > 0) await runFile(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(limit, list.length) }, worker));
  console.log(`\n==> ${name} took ${seconds(Date.now() - started)}`);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    for (const child of running) killGroup(child, 'SIGKILL');
    process.exit(130);
  });
}

const started = Date.now();
if (!fromSource) {
  try {
    const n = await build(root);
    console.log(`==> compiled ${n} files to dist/ in ${seconds(Date.now() - started)}`);
  } catch (e) {
    console.error(`the build of dist/ failed (scripts/build.mjs): ${e.message}`);
    process.exit(1);
  }
}
await runPhase('unit and integration tests', files.filter((f) => !f.startsWith(BROWSER_DIR)), concurrency);
await runPhase('browser tests', files.filter((f) => f.startsWith(BROWSER_DIR)), browserConcurrency);

const sum = (key) => results.reduce((n, r) => n + r.counts[key], 0);
const problems = results.filter((r) => r.problem);
console.log('\n==> slowest files');
for (const r of [...results].sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${seconds(r.ms).padStart(8)}  ${r.file}`);
if (problems.length > 0) {
  console.log('\n==> problems');
  for (const r of problems) console.log(`  ${r.problem}`);
}
const failed = sum('fail') + sum('cancelled');
// A file that crashed or hung without counting a failed test still counts as one.
const failedTotal = failed + problems.filter((r) => r.counts.fail + r.counts.cancelled === 0).length;
console.log(`\n${results.length} files in ${seconds(Date.now() - started)} (${Math.round((Date.now() - started) / 6000) / 10} min)`);
console.log(`tests: ${sum('pass')} passed, ${failedTotal} failed, ${sum('skipped') + sum('todo')} skipped`);
process.exit(failedTotal > 0 || problems.length > 0 ? 1 : 0);
