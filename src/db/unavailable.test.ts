import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDatabaseUnavailable } from './unavailable.ts';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  test('a lost, refused, reset or timed-out connection, a missing or shutting-down database, a statement timeout', () => {
    for (const e of [
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Query read timeout'),
      new Error('Client has encountered a connection error and is not queryable'),
      pgError('ECONNREFUSED'), pgError('ECONNRESET'), pgError('ETIMEDOUT'),
      pgError('08006'), pgError('57P01'), pgError('57P03'), pgError('57014'), pgError('3D000'), pgError('53300'), pgError('28P01'),
      Object.assign(new Error('wrapped'), { cause: pgError('57P01') }),
    ]) {
      assert.equal(isDatabaseUnavailable(e), true, `${(e as { code?: string }).code ?? ''} ${e.message}`);
    }
  });

  test('bugs and bad data are not "unavailable"', () => {
    for (const e of [new Error('boom'), pgError('23505'), pgError('22P05'), pgError('42703'), new TypeError('x is undefined'), null, 'text']) {
      assert.equal(isDatabaseUnavailable(e), false, String(e));
    }
  });
});
