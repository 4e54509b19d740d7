import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callState, reached, type CallEntry } from './call-state.ts';

const e = (action: string, actor: CallEntry<string>['actor'], at: number, change: Partial<CallEntry<string>['change']> = {}, who: string = actor): CallEntry<string> =>
  ({ action, actor, at, change: { reference: 'AAAA-BBBB', ...change }, who });

test('no move or cancellation: nothing to call about', () => {
  assert.deepEqual(callState([e('appointment.book', 'staff', 1)], false), { due: false, last: null });
});

test('cancelled by staff without an e-mail address: due; the latest call after it counts', () => {
  const h = [
    e('appointment.book', 'staff', 1), e('appointment.cancel', 'staff', 2),
    e('appointment.contacted', 'staff', 3, { contact: 'not_reached', note: 'Mailbox' }, 'Lena'),
    e('appointment.contacted', 'staff', 4, { contact: 'reached' }, 'Clara'),
  ];
  const s = callState(h, false);
  assert.equal(s.due, true);
  assert.deepEqual(s.last, { result: 'reached', at: 4, who: 'Clara', note: '' });
  assert.equal(reached(s), true);
  assert.deepEqual(callState(h.slice(0, 3), false).last, { result: 'not_reached', at: 3, who: 'Lena', note: 'Mailbox' });
  assert.equal(reached(callState(h.slice(0, 3), false)), false);
});

test('a later move needs a new call; a call before it does not count', () => {
  const h = [e('appointment.move', 'system', 1), e('appointment.contacted', 'staff', 2, { contact: 'reached' }), e('appointment.move', 'staff', 3)];
  assert.deepEqual(callState(h, false), { due: true, last: null });
});

test('with an e-mail address, or changed by the citizen: not due', () => {
  assert.equal(callState([e('appointment.move', 'staff', 1)], true).due, false);
  assert.equal(callState([e('appointment.cancel', 'citizen', 1)], false).due, false);
});
