// `npm test`'s runner (scripts/run-tests.mjs) on test files made for the
// purpose: a file that hangs is killed by the watchdog with a message naming
// it and fails the run; whatever a file leaves behind (a timer, a child
// process) neither holds the run nor outlives it; the closing line counts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;

/** Whether the process runs; a killed process not yet reaped (a zombie, state Z) does not. */
async function alive(pid: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    let state: string;
    try {
      state = /^State:\s+(\S)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? '?';
    } catch {
      return false; // gone
    }
    if (state === 'Z') return false;
    await new Promise((r) => setTimeout(r, 20)); // a SIGKILL takes a moment to land
  }
  return true;
}

/** A test file that starts `sleep 600` (recording its pid), then runs `body`. */
const withChild = (dir: string, name: string, body: string) => `
import { test } from 'node:test';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
test('${name}', async () => {
  const child = spawn('sleep', ['600'], { stdio: 'ignore' });
  writeFileSync(${JSON.stringify(join(dir, `${name}.pid`))}, String(child.pid));
  ${body}
});
`;

function withoutRunnerSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { TEST_CONCURRENCY, TEST_BROWSER_CONCURRENCY, TEST_FILE_TIMEOUT_MS, ...rest } = env;
  return rest;
}

function runRunner(dir: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; out: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(dir, 'scripts/run-tests.mjs'), ...args], {
      cwd: dir,
      // the runner's own settings come from the test, not from whoever runs the suite
      env: { ...withoutRunnerSettings(process.env), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out, ms: Date.now() - started }));
  });
}

describe('test runner', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'amtszeit-runner-'));
    mkdirSync(join(dir, 'scripts'));
    mkdirSync(join(dir, 'test/e2e'), { recursive: true });
    for (const script of ['run-tests.mjs', 'build.mjs']) copyFileSync(join(ROOT, 'scripts', script), join(dir, 'scripts', script));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'test/hang.test.ts'), withChild(dir, 'hang', 'await new Promise(() => setInterval(() => {}, 1000));'));
    writeFileSync(join(dir, 'test/leak.test.ts'), withChild(dir, 'leak', 'setInterval(() => {}, 1000);'));
    writeFileSync(join(dir, 'test/fail.test.ts'), `import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('fails', () => assert.equal(1, 2));\ntest('passes', () => {});\n`);
    writeFileSync(join(dir, 'test/e2e/browser.test.ts'), `import { test } from 'node:test';\ntest('runs in the browser phase', () => {});\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a hanging file is killed after TEST_FILE_TIMEOUT_MS, named, and fails the run; its child process is gone', async () => {
    const r = await runRunner(dir, { TEST_FILE_TIMEOUT_MS: '4000' }, ['hang']);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /TIMEOUT: test\/hang\.test\.ts ran past 4\.0 s and was killed \(TEST_FILE_TIMEOUT_MS\)/);
    assert.match(r.out, /^tests: 0 passed, 1 failed, 0 skipped$/m);
    assert.ok(r.ms < 60_000, `the run ended (${r.ms} ms)`);
    const pid = Number(readFileSync(join(dir, 'hang.pid'), 'utf8'));
    assert.equal(await alive(pid), false, 'the hanging file\'s child process was killed');
  });

  test('a file that leaves a timer and a child behind still ends, passes, and leaves nothing running', async () => {
    const r = await runRunner(dir, {}, ['leak']);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /^tests: 1 passed, 0 failed, 0 skipped$/m);
    const pid = Number(readFileSync(join(dir, 'leak.pid'), 'utf8'));
    assert.equal(await alive(pid), false, 'the leftover child process was killed');
  });

  test('failures are counted, browser tests run in their own phase after the rest, the total time is printed', async () => {
    const r = await runRunner(dir, {}, ['fail', 'e2e']);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /^tests: 2 passed, 1 failed, 0 skipped$/m);
    assert.match(r.out, /FAILED: test\/fail\.test\.ts exited with code 1/);
    const phase1 = r.out.indexOf('── test/fail.test.ts');
    const phase2 = r.out.indexOf('==> browser tests: 1 file, 1 at a time');
    assert.ok(phase1 >= 0 && phase2 > phase1, r.out);
    assert.ok(r.out.indexOf('── test/e2e/browser.test.ts') > phase2, r.out);
    assert.match(r.out, /^2 files in \d+\.\d s \(\d+(\.\d)? min\)$/m);
  });

  test('files run compiled from dist/ (TypeScript too), or from source with TEST_FROM_SOURCE=1', async () => {
    writeFileSync(join(dir, 'test/where.test.ts'), `import { test } from 'node:test';\nconst at: string = new URL(import.meta.url).pathname;\ntest('where', () => console.log('RUNS ' + at.slice(${JSON.stringify(dir)}.length)));\n`);
    const compiled = await runRunner(dir, {}, ['where']);
    assert.equal(compiled.code, 0, compiled.out);
    assert.match(compiled.out, /^RUNS \/dist\/test\/where\.test\.js$/m);
    const source = await runRunner(dir, { TEST_FROM_SOURCE: '1' }, ['where']);
    assert.equal(source.code, 0, source.out);
    assert.match(source.out, /^RUNS \/test\/where\.test\.ts$/m);
  });

  test('a file that does not compile stops the run with its name and line', async () => {
    const broken = join(dir, 'test/broken.test.ts');
    writeFileSync(broken, `import { test } from 'node:test';\ntest('x', () => { const = 1; });\n`);
    try {
      const r = await runRunner(dir, {}, ['leak']);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /the build of dist\/ failed \(scripts\/build\.mjs\): [^]*test\/broken\.test\.ts:2:/);
      assert.doesNotMatch(r.out, /── test\/leak\.test\.ts/);
    } finally {
      rmSync(broken);
    }
  });

  test('a bad setting is refused with what to fix', async () => {
    const r = await runRunner(dir, { TEST_FILE_TIMEOUT_MS: 'soon' }, ['leak']);
    assert.equal(r.code, 2);
    assert.match(r.out, /TEST_FILE_TIMEOUT_MS must be a whole number of at least 1, not "soon"/);
  });
});
