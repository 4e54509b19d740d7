import { test } from 'node:test';
import assert from 'node:assert/strict';
import { monthRange, shiftMonth, MonthCalendar } from './calendar.tsx';
import { formatDate, formatDateTime } from './format.ts';
import { ErrorSummary, TextField } from './components.tsx';
import { texts } from './texts.ts';

test('months: ranges and shifts across years and leap days', () => {
  assert.deepEqual(monthRange('2028-02'), { from: '2028-02-01', to: '2028-02-29' });
  assert.deepEqual(monthRange('2026-12'), { from: '2026-12-01', to: '2026-12-31' });
  assert.equal(shiftMonth('2026-12', 1), '2027-01');
  assert.equal(shiftMonth('2027-01', -1), '2026-12');
});

test('dates in both languages', () => {
  assert.equal(formatDate('2026-12-01', texts('de')), 'Dienstag, 1. Dezember 2026');
  assert.equal(formatDateTime('2026-12-01', '09:30', texts('en')), 'Tuesday, 1 December 2026, 09:30');
});

test('the calendar starts on Monday and names every state in words', async () => {
  const t = texts('de');
  const html = String(await MonthCalendar({
    t, month: '2026-12', prevMonth: null, nextMonth: '2027-01', href: (m, d) => `/x?monat=${m}${d ? `&tag=${d}` : ''}`,
    days: [
      { date: '2026-12-01', state: 'available', freeTimes: 3 },
      { date: '2026-12-02', state: 'full', freeTimes: 0 },
      { date: '2026-12-03', state: 'closed', freeTimes: 0 },
    ],
  }).toString());
  // 1 December 2026 is a Tuesday: one empty cell before it
  assert.match(html, /<tbody class="kern-table__body"><tr class="kern-table__row"><td class="kern-table__cell az-day az-day--empty"><\/td><td class="kern-table__cell az-day az-day--available">/);
  assert.match(html, /frei, 3 freie Uhrzeiten/);
  assert.match(html, /ausgebucht/);
  assert.match(html, /geschlossen/);
  assert.doesNotMatch(html, /Vorheriger Monat/);
});

test('everything a citizen types is escaped', async () => {
  const html = String(await TextField({ id: 'name', name: 'name', label: 'Name', value: '"><script>alert(1)</script>' }).toString());
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;/);
  const summary = String(await ErrorSummary({ t: texts('en'), errors: [{ id: 'email', message: '<b>bad</b>' }] })!.toString());
  assert.match(summary, /href="#email"/);
  assert.match(summary, /&lt;b&gt;bad/);
});
