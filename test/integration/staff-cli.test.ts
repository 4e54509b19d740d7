// `amtszeit user add` as a user runs it (a separate process on a PGlite data
// dir for each kind of outcome; further cases through the same entry, runCli,
// in this process), and the demo admin that `serve` creates only outside production.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createAppContext } from '../../src/app/context.ts';
import { logIn } from '../../src/app/staff/log-in.ts';
import { createDemoAdmin } from '../../src/cli/user-commands.ts';
import { servedDemo } from '../../src/cli/serve.ts';
import { buildServer } from '../../src/http/server.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { parseEnv } from '../../src/env.ts';
import { createTestApp } from '../fixtures/test-app.ts';
import { cliInProcess } from '../helpers/cli-in-process.ts';
import { freshDataDir } from '../helpers/database.ts';
import { nodeArgsFor } from '../helpers/node-child.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [...nodeArgsFor('src/main.ts'), ...args], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent', AMTSZEIT_PASSWORD: '', ...env }, encoding: 'utf8', timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const run = (args: string[], env: Record<string, string>) => cliInProcess(args, { LOG_LEVEL: 'silent', AMTSZEIT_PASSWORD: '', ...env });

describe('amtszeit user add', () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    const fresh = await freshDataDir('amtszeit-user-');
    dir = fresh.dir;
    env = { DATA_DIR: fresh.dataDir };
    assert.equal((await run(['demo'], env)).code, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('creates users; a generated password is printed once and works', async () => {
    const gen = cli(['user', 'add', '--email', 'Admin@Example.org', '--name', 'Ada Admin', '--role', 'admin'], env);
    assert.equal(gen.code, 0, gen.err);
    assert.match(gen.out, /Created admin admin@example\.org/);
    const password = /Password \(shown only now\): (\S+)/.exec(gen.out)?.[1];
    assert.ok(password && password.length >= 20);

    const fixed = await run(['user', 'add', '--email', 'clerk@example.org', '--name', 'Carl', '--role', 'clerk', '--office', 'einwohnermeldeamt'], {
      ...env, AMTSZEIT_PASSWORD: 'a very long password',
    });
    assert.equal(fixed.code, 0, fixed.err);
    assert.doesNotMatch(fixed.out, /Password/);

    const db = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const orgId = (await db.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
      const ctx = createAppContext({ db: db.db, orgId });
      assert.equal((await logIn(ctx, { email: 'admin@example.org', password: password!, ip: '1.1.1.1' })).ok, true);
      assert.equal((await logIn(ctx, { email: 'clerk@example.org', password: 'a very long password', ip: '1.1.1.1' })).ok, true);
    } finally {
      await db.close();
    }
  });

  test('bad input exits 2 and says why', async () => {
    const dup = cli(['user', 'add', '--email', 'admin@example.org', '--name', 'X', '--role', 'admin'], env);
    assert.equal(dup.code, 2);
    assert.match(dup.err, /email: a user with this e-mail address exists/);
    const bad = await run(['user', 'add', '--email', 'x@example.org', '--name', 'X', '--role', 'boss', '--office', 'nowhere'], env);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /role: must be admin, lead or clerk/);
    assert.match(bad.err, /offices: unknown office/);
    assert.equal((await run(['user', 'add', '--email', 'y@example.org', '--name', 'Y', '--role', 'clerk'], env)).code, 2);
    assert.equal((await run(['user', 'add', '--email'], env)).code, 2);
    assert.equal((await run(['user', 'remove'], env)).code, 2);
    assert.match(cli(['help'], env).out, /user add --email E --name N --role admin\|lead\|clerk/);
  });
});

describe('demo served on another port', () => {
  test("links in mails and calendar feed addresses use the server's port", () => {
    assert.equal(servedDemo(parseEnv({ PORT: '3999' })).config.organization.publicUrl, 'http://localhost:3999');
    assert.equal(servedDemo(parseEnv({})).config.organization.publicUrl, 'http://localhost:3000');
  });
});

describe('demo admin', () => {
  test('made once for the demo, never in production', async () => {
    const app = await createTestApp();
    try {
      assert.equal(await createDemoAdmin(app.ctx, parseEnv({ NODE_ENV: 'production' })), null);
      const admin = await createDemoAdmin(app.ctx, parseEnv({}));
      assert.ok(admin);
      assert.equal((await logIn(app.ctx, { email: admin.email, password: admin.password, ip: '1.1.1.1' })).ok, true);
      assert.equal(await createDemoAdmin(app.ctx, parseEnv({})), null);
    } finally {
      await app.close();
    }
  });

  test('with a kiosk link for each demo office whose kiosk is on, which opens the kiosk', async () => {
    const app = await createTestApp({ config: servedDemo(parseEnv({})).config });
    const server = await buildServer({ ctx: app.ctx, rateLimitPerMinute: 0 });
    try {
      const admin = await createDemoAdmin(app.ctx, parseEnv({}));
      assert.equal(admin?.kiosks.length, 1);
      const { office, url } = admin!.kiosks[0]!;
      assert.equal(office, 'einwohnermeldeamt');
      assert.match(url, /^http:\/\/localhost:3000\/kiosk\/einwohnermeldeamt\/azk_[A-Za-z0-9_-]{43}$/);
      const page = await server.inject({ method: 'GET', url: new URL(url).pathname });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Buchungsnummer/);
    } finally {
      await server.close();
      await app.close();
    }
  });
});
