// `amtszeit user deactivate|reactivate` and `user token --list|--revoke` on a
// PGlite data dir, through the CLI's own entry (runCli) in this process;
// cli.test.ts runs the command in separate processes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { openDatabase } from '../../src/db/connection.ts';
import { cliInProcess } from '../helpers/cli-in-process.ts';
import { freshDataDir } from '../helpers/database.ts';

const cli = (args: string[], env: Record<string, string>) =>
  cliInProcess(args, { LOG_LEVEL: 'silent', AMTSZEIT_PASSWORD: 'a very long password', ...env });

describe('amtszeit user deactivate and token --list/--revoke', () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    const fresh = await freshDataDir('amtszeit-user-admin-');
    dir = fresh.dir;
    env = { DATA_DIR: fresh.dataDir };
    assert.equal((await cli(['demo'], env)).code, 0);
    assert.equal((await cli(['user', 'add', '--email', 'boss@example.org', '--name', 'Boss', '--role', 'admin'], env)).code, 0);
    assert.equal((await cli(['user', 'add', '--email', 'carl@example.org', '--name', 'Carl', '--role', 'clerk', '--office', 'einwohnermeldeamt'], env)).code, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('tokens are listed and revoked; deactivation revokes the rest; the last admin stays', async () => {
    assert.equal((await cli(['user', 'token', '--email', 'carl@example.org', '--label', 'eins'], env)).code, 0);
    assert.equal((await cli(['user', 'token', '--email', 'carl@example.org', '--label', 'zwei'], env)).code, 0);
    const list = (await cli(['user', 'token', '--email', 'carl@example.org', '--list'], env));
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /eins .*last used never/);
    const id = /^([0-9a-f-]{36})\s+eins/m.exec(list.out)?.[1];
    assert.ok(id);
    const one = (await cli(['user', 'token', '--email', 'carl@example.org', '--revoke', id], env));
    assert.equal(one.code, 0, one.err);
    assert.match(one.out, /Revoked 1 API token/);
    assert.doesNotMatch((await cli(['user', 'token', '--email', 'carl@example.org', '--list'], env)).out, /eins/);
    assert.equal((await cli(['user', 'token', '--email', 'carl@example.org', '--revoke', id], env)).code, 2);

    const off = (await cli(['user', 'deactivate', '--email', 'carl@example.org'], env));
    assert.equal(off.code, 0, off.err);
    assert.match(off.out, /Deactivated carl@example.org: 0 session\(s\) ended, 1 API token\(s\)/);
    const last = (await cli(['user', 'deactivate', '--email', 'boss@example.org'], env));
    assert.equal(last.code, 2);
    assert.match(last.err, /last active admin/);
    assert.equal((await cli(['user', 'deactivate', '--email', 'nobody@example.org'], env)).code, 2);
    assert.equal((await cli(['user', 'reactivate', '--email', 'carl@example.org'], env)).code, 0);

    const db = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const users = await db.db.selectFrom('staff_users').select(['email', 'active']).orderBy('email').execute();
      assert.deepEqual(users, [{ email: 'boss@example.org', active: true }, { email: 'carl@example.org', active: true }]);
      const actions = (await db.db.selectFrom('audit_log').select(['actor', 'action']).where('action', 'like', 'user.%').execute()).map((r) => `${r.actor} ${r.action}`);
      assert.deepEqual(actions, ['cli user.add', 'cli user.add', 'cli user.deactivate', 'cli user.reactivate']);
      assert.equal((await db.db.selectFrom('audit_log').select('id').where('action', '=', 'token.revoke').execute()).length, 1);
    } finally {
      await db.close();
    }
  });
});
