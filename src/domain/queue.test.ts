import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInRefusal, estimatedWaits, parseTicketNumber, priorityAt, queueOrder, ticketNumber, type QueueEntry } from './queue.ts';

const T0 = Date.UTC(2026, 11, 3, 8, 0); // 09:00 in Berlin
const min = (m: number) => T0 + m * 60_000;

test('waiting numbers: a letter for the kind and three digits, per kind', () => {
  assert.equal(ticketNumber('appointment', 1), 'T001');
  assert.equal(ticketNumber('walk_in', 17), 'W017');
  assert.equal(ticketNumber('walk_in', 1234), 'W1234');
  assert.throws(() => ticketNumber('walk_in', 0), RangeError);
});

test('typed numbers are read back in their canonical form, or refused', () => {
  assert.equal(parseTicketNumber('w17'), 'W017');
  assert.equal(parseTicketNumber(' W-017 '), 'W017');
  assert.equal(parseTicketNumber('t001'), 'T001');
  for (const bad of ['', 'X001', 'W', 'W0', '17', 'W01a', 'W1234567']) assert.equal(parseTicketNumber(bad), null, bad);
});

test('a booked citizen is due at the start when on time or within the grace, else at the arrival', () => {
  assert.equal(priorityAt({ kind: 'appointment', startsAt: min(0), arrivedAt: min(-20) }, 5), min(0));
  assert.equal(priorityAt({ kind: 'appointment', startsAt: min(0), arrivedAt: min(5) }, 5), min(0));
  assert.equal(priorityAt({ kind: 'appointment', startsAt: min(0), arrivedAt: min(6) }, 5), min(6));
  assert.equal(priorityAt({ kind: 'walk_in', arrivedAt: min(-3) }, 5), min(-3));
});

const entry = (id: string, e: Partial<QueueEntry> & Pick<QueueEntry, 'kind' | 'arrivedAt'>): QueueEntry => ({
  id, status: 'waiting', minutes: 10, priorityAt: priorityAt({ kind: e.kind, startsAt: e.startsAt, arrivedAt: e.arrivedAt }, 5), ...e,
});

test('the order: booked at their time first, walk-ins by arrival filling gaps, early booked after, deferred last', () => {
  const entries = [
    entry('w1', { kind: 'walk_in', arrivedAt: min(-10) }),
    entry('deferred', { kind: 'walk_in', arrivedAt: min(-30), status: 'deferred', deferredAt: min(-1) }),
    entry('a-9:05', { kind: 'appointment', startsAt: min(5), arrivedAt: min(-15) }),
    entry('a-9:00', { kind: 'appointment', startsAt: min(0), arrivedAt: min(-5) }),
    entry('w2', { kind: 'walk_in', arrivedAt: min(-2) }),
    entry('a-8:50-late', { kind: 'appointment', startsAt: min(-10), arrivedAt: min(-4) }), // 6 minutes late: behind
    entry('a-8:55-grace', { kind: 'appointment', startsAt: min(-5), arrivedAt: min(-1) }), // 4 minutes late: keeps its place
  ];
  assert.deepEqual(queueOrder(entries, min(0)).map((e) => e.id), ['a-8:55-grace', 'a-9:00', 'w1', 'a-8:50-late', 'w2', 'a-9:05', 'deferred']);
  // at 09:05 the 09:05 appointment's time has come: it goes before the walk-ins
  assert.deepEqual(queueOrder(entries, min(5)).map((e) => e.id), ['a-8:55-grace', 'a-9:00', 'a-9:05', 'w1', 'a-8:50-late', 'w2', 'deferred']);
});

test('walk-ins arriving in the same millisecond are called in the order of their numbers', () => {
  const same = [9, 3, 7, 1].map((seq) => ({ ...entry(`w${seq}`, { kind: 'walk_in', arrivedAt: min(-1) }), seq }));
  assert.deepEqual(queueOrder(same, min(0)).map((e) => e.id), ['w1', 'w3', 'w7', 'w9']);
});

test('estimated waits: the minutes ahead over the open desks, rounded up', () => {
  const ordered = [{ minutes: 10 }, { minutes: 15 }, { minutes: 5 }, { minutes: 20 }];
  assert.deepEqual(estimatedWaits(ordered, 1), [0, 10, 25, 30]);
  assert.deepEqual(estimatedWaits(ordered, 2), [0, 5, 13, 15]);
  assert.deepEqual(estimatedWaits(ordered, 0), [0, 10, 25, 30], 'no open desk counts as one');
});

test('the check-in window: on the day, from 30 minutes before to 15 after', () => {
  const rules = { checkInBeforeMinutes: 30, checkInAfterMinutes: 15 };
  assert.equal(checkInRefusal(min(0), min(-31), true, rules), 'too_early');
  assert.equal(checkInRefusal(min(0), min(-30), true, rules), null);
  assert.equal(checkInRefusal(min(0), min(15), true, rules), null);
  assert.equal(checkInRefusal(min(0), min(16), true, rules), 'too_late');
  assert.equal(checkInRefusal(min(0), min(0), false, rules), 'not_today');
});
