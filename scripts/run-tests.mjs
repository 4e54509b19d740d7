#!/usr/bin/env node
// Runs every *.test.ts under src/ and test/ with node:test and tsx.
// Node 20's `node --test DIR` silently runs nothing, so the files are listed here.
// Usage: npm test [-- substring ...]   (only files whose path contains a substring)
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

const files = ['src', 'test']
  .flatMap((dir) => { try { return walk(join(root, dir), []); } catch { return []; } })
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();

if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

const concurrency = process.env.TEST_CONCURRENCY ?? String(Math.max(2, availableParallelism()));
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: process.env.TZ ?? 'Pacific/Kiritimati' } },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
