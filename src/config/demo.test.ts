import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDemoConfig, DEMO_CONFIG_PATH } from './demo.ts';
import { ConfigError } from './validate.ts';

test('the bundled demo is valid', () => {
  const { orgId, config } = loadDemoConfig();
  assert.equal(orgId, 'default', 'a city file without id replaces the demo');
  assert.deepEqual(config.organization, {
    name: 'Stadt Markkleeberg',
    timezone: 'Europe/Berlin',
    holidays: 'DE-SN',
    defaultLocale: 'de',
    publicUrl: 'http://localhost:3000',
    retentionDays: 30,
    imprint: config.organization.imprint,
  });
  assert.deepEqual(config.offices.map((o) => o.id), ['einwohnermeldeamt', 'standesamt']);
});

test('the Einwohnermeldeamt has the rules, hours, closures and extra hours of the brief', () => {
  const ema = loadDemoConfig().config.offices[0]!;
  assert.equal(ema.name, 'Einwohnermeldeamt');
  assert.equal(ema.address, 'Rathausplatz 1, 04416 Markkleeberg');
  assert.equal(ema.phone, '0341 35330');
  assert.equal(ema.email, 'buergerservice@markkleeberg.example');
  assert.equal(ema.slotMinutes, 5);
  assert.deepEqual(ema.booking, {
    leadMinutes: 720, horizonDays: 90, releaseTime: '07:00', holdMinutes: 10, maxActivePerEmail: 2,
    cancelUntilMinutes: 60, maxServices: 5, confirmByEmail: false, confirmMinutes: 60, reminderHours: 24, noShowGraceMinutes: 15,
  });
  assert.deepEqual(ema.hours, [
    { days: ['mon', 'tue', 'thu', 'fri'], from: '08:00', to: '12:00', counters: 3, online: 2, phone: 3 },
    { days: ['tue', 'thu'], from: '13:00', to: '18:00', counters: 3, online: 2, phone: 3 },
    { days: ['wed'], from: '08:00', to: '12:00', counters: 2, online: 1, phone: 2 },
  ]);
  const closed = ema.closures.map((c) => `${c.from}..${c.to}${c.fromTime ? ` ${c.fromTime}-${c.toTime}` : ''}`);
  assert.ok(closed.includes('2026-12-24..2026-12-24'));
  assert.ok(closed.includes('2026-12-31..2026-12-31'));
  assert.ok(closed.some((c) => / \d\d:\d\d-\d\d:\d\d$/.test(c)), 'a part-day closure');
  assert.ok(ema.closures.filter((c) => c.from.startsWith('2027-')).length >= 2, 'days in 2027');
  assert.ok(ema.closures.every((c) => c.reason?.de && c.reason.en), 'every closure says why');
  assert.ok(ema.extraHours.some((e) => new Date(`${e.date}T12:00:00Z`).getUTCDay() === 6), 'a Saturday');
});

test('the demo services are realistic and consistent', () => {
  const { services, offices } = loadDemoConfig().config;
  const byId = new Map(services.map((s) => [s.id, s]));
  const fee = (id: string) => byId.get(id)?.fee?.de;
  assert.equal(fee('personalausweis'), '37,00 € (unter 24 Jahren: 22,80 €)');
  assert.equal(fee('reisepass'), '70,00 €');
  assert.equal(fee('vorlaeufiger-personalausweis'), '10,00 €');
  assert.equal(fee('fuehrungszeugnis'), '13,00 €');
  for (const id of ['anmeldung', 'ummeldung', 'abmeldung', 'ausweis-abholung']) assert.equal(fee(id), 'gebührenfrei', id);
  assert.ok(byId.get('anmeldung')!.documents.de.some((d) => d.includes('Wohnungsgeberbestätigung')));
  assert.equal(byId.get('personalausweis')!.maxQuantity, 5);
  assert.ok(byId.get('anmeldung')!.keywords!.de.includes('Umzug'));
  assert.ok(byId.get('anmeldung')!.keywords!.en.includes('moving'));
  assert.ok(byId.get('personalausweis')!.keywords!.de.includes('Perso'));
  assert.deepEqual(
    [...new Set(offices[0]!.services.map((id) => byId.get(id)!.area.de))],
    ['Meldewesen', 'Ausweise und Pässe', 'Bescheinigungen und Beglaubigungen'],
  );
  for (const s of services) {
    assert.ok(s.minutes >= 5 && s.minutes <= 30, `${s.id}: ${s.minutes} minutes`);
    assert.notEqual(s.name.de, s.name.en, `${s.id} is translated`);
    assert.equal(s.documents.de.length, s.documents.en.length, `${s.id}: documents in both languages`);
    assert.ok(offices.some((o) => o.services.includes(s.id)), `${s.id} is offered somewhere`);
  }
  const standesamt = offices[1]!;
  assert.deepEqual(standesamt.services.filter((id) => offices[0]!.services.includes(id)), [], 'own services');
  assert.ok(standesamt.hours.every((h) => h.counters === 1 && h.days.every((d) => ['mon', 'tue', 'wed', 'thu'].includes(d))));
});

test('loadDemoConfig throws when the bundled file is broken', () => {
  const dir = mkdtempSync(join(tmpdir(), 'amtszeit-demo-'));
  try {
    const path = join(dir, 'markkleeberg.yaml');
    writeFileSync(path, readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('slotMinutes: 5', 'slotMinutes: 0'));
    assert.throws(() => loadDemoConfig(path), (e: unknown) =>
      e instanceof ConfigError && /offices\[0\]\.slotMinutes: must be at least 1 \(got 0\) \(line \d+\)/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
