// withRetry and the error helpers: retries contention, gives up as 'busy',
// passes other errors through at once; and on PostgreSQL a real deadlock is
// recognised and retried to success.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DomainError } from '../domain/errors.ts';
import { openDatabase } from './connection.ts';
import { isExclusionViolation, isRetryable, isUniqueViolation, pgErrorCode, withRetry } from './retry.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../../test/helpers/database.ts';

const pgError = (code: string, constraint?: string) => Object.assign(new Error(`pg ${code}`), { code, constraint });
const fast = { baseDelayMs: 1 };

function failing(errors: unknown[], result = 'ok') {
  let calls = 0;
  const fn = async () => {
    const e = errors[calls++];
    if (e) throw e;
    return result;
  };
  return { fn, calls: () => calls };
}

describe('error helpers', () => {
  test('pgErrorCode reads the SQLSTATE, also from a wrapped cause', () => {
    assert.equal(pgErrorCode(pgError('23505')), '23505');
    assert.equal(pgErrorCode(new Error('wrapped', { cause: pgError('40001') })), '40001');
    assert.equal(pgErrorCode(Object.assign(new Error('net'), { code: 'ECONNREFUSED' })), undefined);
    assert.equal(pgErrorCode('nope'), undefined);
  });

  test('isUniqueViolation / isExclusionViolation match code and optional constraint', () => {
    assert.ok(isUniqueViolation(pgError('23505', 'appointments_reference')));
    assert.ok(isUniqueViolation(pgError('23505', 'appointments_reference'), 'appointments_reference'));
    assert.ok(!isUniqueViolation(pgError('23505', 'other'), 'appointments_reference'));
    assert.ok(!isUniqueViolation(pgError('23P01')));
    assert.ok(isExclusionViolation(pgError('23P01', 'appointments_no_overlap'), 'appointments_no_overlap'));
    assert.ok(!isExclusionViolation(pgError('23505')));
  });

  test('isRetryable: contention codes and pool timeouts only', () => {
    for (const c of ['40001', '40P01', '55P03', '53300']) assert.ok(isRetryable(pgError(c)), c);
    for (const c of ['23505', '23P01', '42P01', '57014']) assert.ok(!isRetryable(pgError(c)), c);
    assert.ok(isRetryable(new Error('timeout exceeded when trying to connect')));
    assert.ok(isRetryable(new Error('Connection terminated due to connection timeout')));
    assert.ok(!isRetryable(new Error('boom')));
  });
});

describe('withRetry', () => {
  test('retries serialization failures and deadlocks, then returns the result', async () => {
    const f = failing([pgError('40001'), pgError('40P01'), pgError('55P03')]);
    const retries: number[] = [];
    assert.equal(await withRetry(f.fn, { ...fast, onRetry: (_e, n) => retries.push(n) }), 'ok');
    assert.equal(f.calls(), 4);
    assert.deepEqual(retries, [1, 2, 3]);
  });

  test('after the last attempt throws DomainError busy with retryAfterSeconds 1', async () => {
    const f = failing(Array(10).fill(pgError('40001')));
    await assert.rejects(withRetry(f.fn, fast), (e: unknown) => {
      assert.ok(e instanceof DomainError);
      assert.equal(e.code, 'busy');
      assert.deepEqual(e.details, { retryAfterSeconds: 1 });
      assert.equal(pgErrorCode(e.cause), '40001');
      return true;
    });
    assert.equal(f.calls(), 5, 'default: 5 attempts');
    const g = failing(Array(10).fill(pgError('40P01')));
    await assert.rejects(withRetry(g.fn, { ...fast, attempts: 2 }), DomainError);
    assert.equal(g.calls(), 2);
  });

  test('other errors pass through at once, unchanged', async () => {
    const unique = pgError('23505');
    const f = failing([unique]);
    await assert.rejects(withRetry(f.fn, fast), (e) => e === unique);
    assert.equal(f.calls(), 1);
  });

  test('a statement timeout (57014) is busy without a retry', async () => {
    const f = failing([pgError('57014')]);
    await assert.rejects(withRetry(f.fn, fast), (e) => e instanceof DomainError && e.code === 'busy');
    assert.equal(f.calls(), 1);
  });
});

describe('pool queue timeout (pglite)', () => {
  test('a query waiting too long for the connection fails retryably, then succeeds', async () => {
    const h = await openDatabase({ dataDir: 'memory', connectionTimeoutMillis: 50 });
    try {
      const holder = h.db.transaction().execute(() => new Promise((res) => setTimeout(res, 300)));
      await new Promise((res) => setTimeout(res, 10));
      const err = await sql`SELECT 1`.execute(h.db).then(() => assert.fail('did not wait'), (e: unknown) => e);
      assert.ok(isRetryable(err), String(err));
      await holder;
      const r = await withRetry(() => sql<{ x: number }>`SELECT 1 AS x`.execute(h.db), fast);
      assert.equal(r.rows[0].x, 1);
    } finally {
      await h.close();
    }
  });
});

if (testDatabaseKinds().includes('postgres')) {
  describe('withRetry against PostgreSQL', () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase('postgres');
      await sql`CREATE TABLE test_pair (id int PRIMARY KEY, n int NOT NULL)`.execute(t.db);
      await sql`INSERT INTO test_pair VALUES (1, 0), (2, 0)`.execute(t.db);
    });
    after(() => t?.close());

    test('a real deadlock (40P01) is retried and both transactions commit', async () => {
      let deadlocks = 0;
      let arrived = 0;
      const bothHoldFirstLock = () =>
        new Promise<void>((res) => {
          arrived++;
          const check = () => (arrived >= 2 ? res() : setTimeout(check, 2));
          check();
        });
      const move = (first: number, second: number) =>
        withRetry(
          () =>
            t.db.transaction().execute(async (trx) => {
              await sql`UPDATE test_pair SET n = n + 1 WHERE id = ${first}`.execute(trx);
              await bothHoldFirstLock();
              await sql`UPDATE test_pair SET n = n + 1 WHERE id = ${second}`.execute(trx);
            }),
          {
            onRetry: (e) => {
              if (pgErrorCode(e) === '40P01') deadlocks++;
            },
          },
        );
      await Promise.all([move(1, 2), move(2, 1)]);
      assert.equal(deadlocks, 1);
      const r = await sql<{ n: number }>`SELECT n FROM test_pair ORDER BY id`.execute(t.db);
      assert.deepEqual(r.rows.map((x) => x.n), [2, 2]);
    });
  });
}
