// The PGlite data-dir lock: a second opener (this process or another) is
// refused with a clear message and changes nothing; a stale lock (dead pid) is
// taken over; the lock goes away on close and on process exit.
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { freshDataDir } from '../../test/helpers/database.ts';
import { built, LOADER_ARGS } from '../../test/helpers/node-child.ts';
import { openDatabase } from './connection.ts';
import { DataDirLockedError, LOCK_FILE, acquireDataDirLock, lockFilePath } from './lock.ts';

const connectionModule = new URL(built('./connection.ts'), import.meta.url).href;
const dirs: string[] = [];
const freshDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'amtszeit-lock-'));
  dirs.push(d);
  return d;
};
/** A data directory holding a database already (copied: an initdb per case would cost seconds). */
const databaseDir = async () => {
  const { dir, dataDir } = await freshDataDir('amtszeit-lock-');
  dirs.push(dir);
  return dataDir;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs `node --import tsx -e` opening DATA_DIR in a child; `then` is 'close' or 'exit'. */
function child(dataDir: string, then: 'close' | 'exit'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const code = `
    const { openDatabase } = await import(${JSON.stringify(connectionModule)});
    try {
      const h = await openDatabase({ dataDir: process.env.DATA_DIR });
      console.log('OPENED ' + process.pid);
      if (${JSON.stringify(then)} === 'close') await h.close();
      process.exit(0);
    } catch (e) {
      console.error(e.name + ': ' + e.message);
      process.exit(3);
    }`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...LOADER_ARGS, '--input-type=module', '-e', code],
      { env: { ...process.env, DATA_DIR: dataDir }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  assert.ok(r.pid);
  return r.pid;
}

describe('data-dir lock', () => {
  test('the message names the directory and the pid', () => {
    assert.equal(
      new DataDirLockedError('./data', 4242).message,
      'The data directory ./data is in use by another Amtszeit process (pid 4242). ' +
        'Stop it first, or use DATABASE_URL for PostgreSQL.',
    );
  });

  test('a second open in this process is refused and the lock is left as it was', async () => {
    const dir = await databaseDir();
    const h = await openDatabase({ dataDir: dir });
    try {
      const before = readFileSync(lockFilePath(dir), 'utf8');
      assert.equal(before.trim(), String(process.pid));
      const listing = readdirSync(dir).sort();
      await assert.rejects(openDatabase({ dataDir: dir }), (e: unknown) => {
        assert.ok(e instanceof DataDirLockedError);
        assert.equal(e.message, new DataDirLockedError(dir, process.pid).message);
        return true;
      });
      assert.equal(readFileSync(lockFilePath(dir), 'utf8'), before);
      assert.deepEqual(readdirSync(dir).sort(), listing);
      await sql`SELECT 1`.execute(h.db); // the first handle still works
    } finally {
      await h.close();
    }
    assert.equal(existsSync(lockFilePath(dir)), false, 'close() removes the lock file');
  });

  test('another process is refused while this one holds the dir, and may open it after close', async () => {
    const dir = await databaseDir();
    const h = await openDatabase({ dataDir: dir });
    await sql`CREATE TABLE kept (v text)`.execute(h.db);
    await sql`INSERT INTO kept VALUES ('persisted')`.execute(h.db);
    let r;
    try {
      r = await child(dir, 'close');
    } finally {
      await h.close();
    }
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.ok(
      r.stderr.includes(
        `DataDirLockedError: The data directory ${dir} is in use by another Amtszeit process (pid ${process.pid}). ` +
          'Stop it first, or use DATABASE_URL for PostgreSQL.',
      ),
      r.stderr,
    );
    const r2 = await child(dir, 'close');
    assert.equal(r2.code, 0, r2.stderr);
    assert.match(r2.stdout, /OPENED \d+/);
    const h2 = await openDatabase({ dataDir: dir });
    try {
      const rows = await sql<{ v: string }>`SELECT v FROM kept`.execute(h2.db);
      assert.deepEqual(rows.rows, [{ v: 'persisted' }]);
    } finally {
      await h2.close();
    }
  });

  test('the lock is released when the process exits without close()', async () => {
    const dir = await databaseDir();
    const r = await child(dir, 'exit');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(existsSync(lockFilePath(dir)), false);
  });

  test('a stale lock (dead pid) is taken over, with a warning', async () => {
    const dir = await databaseDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), `${pid}\n`);
    const warnings: object[] = [];
    const logger = { info() {}, error() {}, warn: (o: object) => void warnings.push(o) };
    const h = await openDatabase({ dataDir: dir, logger });
    try {
      assert.equal(readFileSync(lockFilePath(dir), 'utf8').trim(), String(process.pid));
      assert.deepEqual(warnings, [{ dataDir: dir, pid }]);
    } finally {
      await h.close();
    }
  });

  test('a lock holding our own pid that we do not hold is stale (pid reused after a restart)', () => {
    const dir = freshDir();
    writeFileSync(join(dir, LOCK_FILE), `${process.pid}\n`);
    const lock = acquireDataDirLock(dir);
    lock.release();
    assert.equal(existsSync(lockFilePath(dir)), false);
  });

  test('a missing data directory is created', () => {
    const dir = join(freshDir(), 'nested', 'data');
    const lock = acquireDataDirLock(dir);
    try {
      assert.equal(readFileSync(lockFilePath(dir), 'utf8').trim(), String(process.pid));
    } finally {
      lock.release();
    }
  });
});
