// The call hub without a database: one load per office and poll however many
// displays are connected, changes only when the state changed, nothing loaded
// for offices without displays, and close() ends every subscriber.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCallHub } from './call-hub.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('twenty displays of one office share one load per poll; changes reach all of them once', async () => {
  const loads: string[] = [];
  let calls = ['W001'];
  const hub = createCallHub<{ calls: string[] }>({
    load: async (office) => { loads.push(office); return { calls: [...calls] }; },
    pollMs: 50,
  });
  const seen: string[][][] = Array.from({ length: 20 }, () => []);
  const closed: number[] = [];
  const subs = seen.map((s, i) => hub.subscribe('a', (st) => s.push(st.calls), () => closed.push(i)));
  await sleep(30);
  assert.ok(seen.every((s) => s.length === 1 && s[0][0] === 'W001'), 'each display got the calls once on connect');
  await sleep(300);
  const perPoll = loads.length;
  assert.ok(perPoll <= 10, `one load per poll for all 20 displays, not one each: ${perPoll} loads in ~330 ms`);
  assert.ok(seen.every((s) => s.length === 1), 'no event without a change');
  calls = ['W002', 'W001'];
  await sleep(150);
  assert.ok(seen.every((s) => s.length === 2 && s[1][0] === 'W002'), 'the change reached every display once');
  assert.equal(hub.size(), 20);
  for (const u of subs.slice(0, 19)) u();
  assert.equal(hub.size(), 1);
  await hub.close();
  assert.deepEqual(closed, [19], 'close() ends the displays still connected');
});

test('offices without displays are not loaded; the last display leaving stops the polling', async () => {
  const loads: string[] = [];
  const hub = createCallHub<{ n: number }>({ load: async (office) => { loads.push(office); return { n: 1 }; }, pollMs: 40 });
  const off = hub.subscribe('b', () => undefined, () => undefined);
  await sleep(150);
  assert.ok(loads.length >= 2 && loads.every((o) => o === 'b'));
  off();
  const n = loads.length;
  await sleep(200);
  assert.ok(loads.length <= n + 1, `no polling without displays: ${loads.length - n} loads after the last left`);
  await hub.close();
});

test('a failing load is retried at the next poll, not thrown at the display', async () => {
  let fail = true;
  const hub = createCallHub<{ ok: boolean }>({ load: async () => { if (fail) throw new Error('db away'); return { ok: true }; }, pollMs: 40 });
  const got: boolean[] = [];
  hub.subscribe('c', (s) => got.push(s.ok), () => undefined);
  await sleep(100);
  assert.deepEqual(got, []);
  fail = false;
  await sleep(150);
  assert.deepEqual(got, [true]);
  await hub.close();
});
