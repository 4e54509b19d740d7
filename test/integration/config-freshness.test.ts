// A configuration change made by another instance (here: a second context on the
// same database, with a configuration cache that would still serve the old one)
// is honoured by every write that places an appointment: no booking, hold or move
// lands in time that has just been closed, however stale the cache.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bookAppointment } from '../../src/app/book-appointment.ts';
import { createAppContext, type AppContext } from '../../src/app/context.ts';
import { holdSlot } from '../../src/app/hold-slot.ts';
import { importConfig } from '../../src/app/import-config.ts';
import { rescheduleAppointment } from '../../src/app/reschedule-appointment.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { testDatabaseKinds } from '../helpers/database.ts';
import { createTestApp, ORG, type TestApp } from '../fixtures/test-app.ts';
import { office, orgConfig } from '../fixtures/org-config.ts';

const T = (date: string, local: string) => `${date}T${local}:00+01:00`;
const ANMELDUNG = [{ id: 'anmeldung', quantity: 1 }];

async function refused(p: Promise<unknown>): Promise<void> {
  await assert.rejects(p, (e) => e instanceof DomainError && e.code === 'slot_unavailable');
}

for (const kind of testDatabaseKinds()) {
  describe(`configuration freshness on ${kind}`, () => {
    let app: TestApp;
    let other: AppContext; // "another instance": caches the configuration for an hour
    before(async () => {
      app = await createTestApp({ kind });
      other = createAppContext({ db: app.ctx.db, orgId: ORG, now: () => app.clock.now, cacheMs: 3_600_000, availabilityCacheMs: 0 });
    });
    after(async () => { await app.close(); });

    test('a booking, a hold and a move decided on a stale cached configuration are re-decided on the current one', async () => {
      const moving = await bookAppointment(other, {
        office: 'buergeramt', services: ANMELDUNG, startsAt: T('2026-12-01', '09:00'),
        contact: { name: 'Erika Muster', email: 'erika@example.org' }, locale: 'de', consent: true,
      });
      assert.ok((await other.catalog()).version, 'the cached catalog knows its version');
      // this instance closes Thursday 3 December
      const closed = orgConfig({ offices: [office('buergeramt', { closures: [{ from: '2026-12-03', to: '2026-12-03', reason: { de: 'Umzug', en: 'Moving' } }] })] });
      const r = await importConfig(app.ctx.db, { orgId: ORG, config: closed, now: app.clock.now });
      assert.equal(r.applied, true);

      await refused(bookAppointment(other, {
        office: 'buergeramt', services: ANMELDUNG, startsAt: T('2026-12-03', '09:00'),
        contact: { name: 'Max Muster', email: 'max@example.org' }, locale: 'de', consent: true,
      }));
      await refused(holdSlot(other, { office: 'buergeramt', services: ANMELDUNG, startsAt: T('2026-12-03', '10:00') }));
      await refused(rescheduleAppointment(other, { reference: moving.appointment.reference, token: moving.manageToken, startsAt: T('2026-12-03', '11:00') }));
      const live = await app.ctx.db.selectFrom('appointments').select('starts_at')
        .where('starts_at', '>=', new Date(T('2026-12-03', '00:00'))).where('starts_at', '<', new Date(T('2026-12-04', '00:00'))).execute();
      assert.deepEqual(live, [], 'nothing landed on the closed day');
      // the other instance now answers from the current configuration, and open days still book
      assert.equal((await other.catalog()).config.offices[0].closures.length, 1);
      const ok = await bookAppointment(other, {
        office: 'buergeramt', services: ANMELDUNG, startsAt: T('2026-12-02', '09:00'),
        contact: { name: 'Max Muster', email: 'max@example.org' }, locale: 'de', consent: true,
      });
      assert.equal(ok.appointment.status, 'booked');
    });
  });
}
