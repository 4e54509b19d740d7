// The `amtszeit` CLI on a PGlite data dir: as a user runs it, in separate
// processes, for each kind of outcome (help, exit 2 with the problems on
// stderr, the data-dir lock between processes); longer sequences of commands
// go through the same entry (runCli) in this process, which saves a process
// start per command.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { createAppContext } from '../../src/app/context.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { DEMO_CONFIG_PATH } from '../../src/config/demo.ts';
import { addDays, localDateOf, weekdayOf, zonedInstant, toRfc3339 } from '../../src/domain/time.ts';
import { cliInProcess } from '../helpers/cli-in-process.ts';
import { freshDataDir } from '../helpers/database.ts';
import { nodeArgsFor } from '../helpers/node-child.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [...nodeArgsFor('src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const run = (args: string[], env: Record<string, string>) => cliInProcess(args, { LOG_LEVEL: 'silent', ...env });

describe('amtszeit CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  before(async () => {
    const fresh = await freshDataDir('amtszeit-cli-');
    dir = fresh.dir;
    env = { DATA_DIR: fresh.dataDir };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('help, and unknown commands or options exit 2', () => {
    const help = cli(['help'], env);
    assert.equal(help.code, 0);
    assert.match(help.out, /config import FILE/);
    assert.equal(cli(['frobnicate'], env).code, 2);
    assert.equal(cli(['config', 'import', 'x.yaml', '--force'], env).code, 2);
    assert.equal(cli(['config', 'import'], env).code, 2);
  });

  test('an invalid file exits 2 listing every problem as path: message, and changes nothing', async () => {
    const bad = join(dir, 'bad.yaml');
    const config = parse(readFileSync(DEMO_CONFIG_PATH, 'utf8'));
    config.offices[0].hours[0].to = '07:00';
    config.offices[0].slotMinutes = 0;
    config.services[0].colour = 'blue';
    writeFileSync(bad, stringify(config));
    const r = cli(['config', 'import', bad], env);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /offices\[0\]\.hours\[0\]\.to: /);
    assert.match(r.err, /offices\[0\]\.slotMinutes: /);
    assert.match(r.err, /services\[0\]\.colour: /);
    const missing = await run(['config', 'import', join(dir, 'nope.yaml')], env);
    assert.notEqual(missing.code, 0);
    // nothing was imported: export has nothing to show
    const exp = await run(['config', 'export'], env);
    assert.equal(exp.code, 1);
    assert.match(exp.err, /No organization/);
  });

  test('demo, export, dry run and re-import round-trip', async () => {
    assert.equal(cli(['demo'], env).code, 0);
    const first = cli(['config', 'export'], env);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /Stadt Markkleeberg/);
    const file = join(dir, 'export.yaml');
    writeFileSync(file, first.out);
    const dry = await run(['config', 'import', file, '--dry-run'], env);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /dry run/);
    assert.equal((await run(['config', 'import', file], env)).code, 0);
    assert.equal((await run(['config', 'export'], env)).out, first.out);
  });

  test('a change that strands an upcoming appointment is refused, or kept with --keep-conflicts', async () => {
    // book one appointment directly (the data dir is free while no CLI runs)
    const handle = await openDatabase({ dataDir: env.DATA_DIR });
    let reference: string;
    try {
      const orgId = (await handle.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow()).id;
      const ctx = createAppContext({ db: handle.db, orgId });
      let day = addDays(localDateOf(Date.now(), 'Europe/Berlin'), 3);
      while (weekdayOf(day) !== 'tue') day = addDays(day, 1);
      const startsAt = toRfc3339(zonedInstant(day, 9 * 60, 'Europe/Berlin'), 'Europe/Berlin');
      const booked = await bookAppointment(ctx, {
        office: 'einwohnermeldeamt', services: [{ id: 'anmeldung', quantity: 1 }], startsAt,
        contact: { name: 'Konflikt Test', email: 'konflikt@example.org' }, locale: 'de', consent: true,
      });
      reference = booked.appointment.reference;
    } finally {
      await handle.close();
    }
    const config = parse((await run(['config', 'export'], env)).out);
    config.offices[0].hours = config.offices[0].hours.map((h: { days: string[] }) => ({ ...h, days: h.days.filter((d) => d !== 'tue') }))
      .filter((h: { days: string[] }) => h.days.length > 0);
    const file = join(dir, 'no-tuesday.yaml');
    writeFileSync(file, stringify(config));
    const refused = cli(['config', 'import', file], env);
    assert.equal(refused.code, 2, refused.out + refused.err);
    assert.ok(refused.err.includes(reference!), refused.err);
    assert.match(refused.err, /offices\[0\]\.hours: appointment .* outside the opening hours/);
    assert.match(JSON.stringify(parse((await run(['config', 'export'], env)).out).offices[0].hours), /tue/);
    const kept = await run(['config', 'import', file, '--keep-conflicts'], env);
    assert.equal(kept.code, 0, kept.err);
    assert.ok(kept.out.includes(reference!));
    assert.doesNotMatch(JSON.stringify(parse((await run(['config', 'export'], env)).out).offices[0].hours), /tue/);
    const handle2 = await openDatabase({ dataDir: env.DATA_DIR });
    try {
      const row = await handle2.db.selectFrom('appointments').select(['status', 'conflict']).where('reference', '=', reference!.replace('-', '')).executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'booked', conflict: 'outside_hours' });
    } finally {
      await handle2.close();
    }
  });

  test('a second process on the same data dir stops with a clear message and touches nothing', async () => {
    const server = spawn(process.execPath, [...nodeArgsFor('src/main.ts'), 'serve'], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('server did not start')), 60_000);
        server.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('Amtszeit is running')) {
            clearTimeout(timer);
            resolve();
          }
        });
        server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
      });
      const r = cli(['config', 'export'], env);
      assert.equal(r.code, 1);
      assert.match(r.err, /in use by another Amtszeit process \(pid \d+\)/);
    } finally {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      const code = await exited;
      assert.equal(code, 0, 'SIGTERM shuts down cleanly');
    }
    // after a clean shutdown the data dir is free again
    assert.equal(cli(['config', 'export'], env).code, 0);
  });
});
