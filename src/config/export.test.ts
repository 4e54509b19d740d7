import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { Block, Closure, ExtraHours, HoursRule, Office, OrgConfig, QueueRules, Service, Text, TextList } from '../domain/types.ts';
import { WEEKDAYS } from '../domain/types.ts';
import { exportConfig } from './export.ts';
import { parseConfigText } from './file.ts';
import { loadDemoConfig } from './demo.ts';
import { validateConfig, type ParsedConfig } from './validate.ts';
import { validFile } from './test-fixtures.ts';

function roundTrip(orgId: string, config: OrgConfig): ParsedConfig {
  const yaml = exportConfig(orgId, config);
  const r = parseConfigText(yaml, 'export.yaml');
  assert.ok(r.ok, r.ok ? '' : `${r.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}\n---\n${yaml}`);
  return r;
}

test('the demo survives export and import unchanged', () => {
  const demo = loadDemoConfig();
  const back = roundTrip(demo.orgId, demo.config);
  assert.equal(back.orgId, demo.orgId);
  assert.deepStrictEqual(back.config, demo.config);
  // and exporting again gives the same text
  assert.equal(exportConfig(back.orgId, back.config), exportConfig(demo.orgId, demo.config));
});

test('the export follows the contract: sections in order, times and dates quoted, single days as "date"', () => {
  const demo = loadDemoConfig();
  const yaml = exportConfig('markkleeberg', demo.config);
  const order = ['organization:', 'services:', 'offices:'].map((s) => yaml.indexOf(`\n${s}`));
  assert.ok(order.every((i) => i > 0) && order[0]! < order[1]! && order[1]! < order[2]!, 'organization, services, offices');
  assert.match(yaml, /^ {2}id: markkleeberg$/m);
  assert.match(yaml, /^ {8}from: "08:00"$/m);
  assert.match(yaml, /^ {8}to: "12:00"$/m);
  assert.match(yaml, /^ {6}releaseTime: "07:00"$/m);
  assert.match(yaml, /^ {6}- date: "2026-12-24"$/m, 'a one-day closure is written as date');
  assert.match(yaml, /^ {6}- from: "2027-06-14"\n {8}to: "2027-06-16"$/m);
  assert.match(yaml, /^ {4}phone: "0341 35330"$/m);
  assert.doesNotMatch(yaml, /: (\d\d:\d\d|\d{4}-\d\d-\d\d)$/m, 'no unquoted time or date');
  // even a YAML 1.1 reader sees strings
  const as11 = parseYaml(yaml, { version: '1.1' }) as { offices: { hours: { from: unknown }[]; closures: { date?: unknown }[] }[] };
  assert.equal(as11.offices[0]!.hours[0]!.from, '08:00');
  assert.equal(as11.offices[0]!.closures[0]!.date, '2026-12-24');
});

test('texts equal in both languages are written once, others as { de, en }; defaults are written out', () => {
  const r = validateConfig(validFile());
  assert.ok(r.ok);
  const yaml = exportConfig(r.orgId, r.config);
  assert.match(yaml, /^ {4}name: Reisepass$/m);
  assert.match(yaml, /^ {4}name: \{ de: Anmeldung einer Wohnung, en: Registering an address \}$/m);
  assert.match(yaml, /^ {4}maxQuantity: 1$/m);
  assert.match(yaml, /^ {6}leadMinutes: 1440$/m);
  assert.match(yaml, /^ {8}online: 2$/m);
  assert.doesNotMatch(yaml, /documents: \[\]/, 'empty documents are left out');
  assert.deepStrictEqual(roundTrip(r.orgId, r.config).config, r.config);
});

test('blocks are written after the closures, like them, with their counters, and read back byte for byte', () => {
  const r = validateConfig(validFile());
  assert.ok(r.ok);
  r.config.offices[0]!.blocks = [
    { from: '2026-12-02', to: '2026-12-02', fromTime: '09:00', toTime: '10:00', counters: 1, reason: { de: 'krank', en: 'ill' } },
    { from: '2026-12-07', to: '2026-12-11', counters: 2 },
  ];
  const yaml = exportConfig(r.orgId, r.config);
  assert.match(yaml, /^ {4}blocks:\n {6}- date: "2026-12-02"\n {8}fromTime: "09:00"\n {8}toTime: "10:00"\n {8}counters: 1\n {8}reason: \{ de: krank, en: ill \}\n {6}- from: "2026-12-07"\n {8}to: "2026-12-11"\n {8}counters: 2$/m);
  const back = roundTrip(r.orgId, r.config);
  assert.deepStrictEqual(back.config, r.config);
  assert.equal(exportConfig(back.orgId, back.config), yaml, 'byte for byte');
});

// ------------------------------------------------- property: any config round-trips

const pad = (n: number) => String(n).padStart(2, '0');
const timeOf = (m: number) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`;
const dateOf = (day: number) => new Date(Date.UTC(2020, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

const word = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
const tricky = fc.constantFrom('08:00', '2026-12-24', 'yes', 'no', 'null', '~', '0341 35330', '1e3', '- x', '# x', 'a: b',
  '"quoted"', "it's", ' leading', 'trailing ', 'line\nbreak', 'crlf\r\nline', '€ 37,00', '{ de: x }', '[a, b]', '&anchor', '*alias', '!tag', '%x', '@x', '`x');
const str = fc.oneof(word, tricky);
const text: fc.Arbitrary<Text> = fc.oneof(str.map((s) => ({ de: s, en: s })), fc.record({ de: str, en: str }));
const strList = fc.array(str, { maxLength: 4 });
const textList: fc.Arbitrary<TextList> = fc.oneof(strList.map((l) => ({ de: l, en: [...l] })), fc.record({ de: strList, en: strList }));
const slug = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const day = fc.integer({ min: 0, max: 3000 });
const window = fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
  .filter(([a, b]) => a < b).map(([a, b]) => ({ from: timeOf(a), to: timeOf(b) }));
const capacity = fc.integer({ min: 1, max: 10 }).chain((counters) => fc.integer({ min: 0, max: counters }).chain((phone) =>
  fc.integer({ min: 0, max: phone }).map((online) => ({ counters, online, phone }))));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const service: fc.Arbitrary<Service> = fc.record({
  id: slug, name: text, area: text, minutes: fc.integer({ min: 1, max: 1440 }), maxQuantity: fc.integer({ min: 1, max: 100 }),
  documents: textList, fee: opt(text), keywords: opt(textList), leika: opt(fc.stringMatching(/^\d{14}$/)),
}).map(defined);

const hours: fc.Arbitrary<HoursRule> = fc.record({
  days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }), window, capacity,
  valid: opt(fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]))), onlyFrom: fc.boolean(),
}).map(({ days, window, capacity, valid, onlyFrom }) => defined({
  days, ...window, ...capacity,
  validFrom: valid ? dateOf(valid[0]!) : undefined,
  validTo: valid && !onlyFrom ? dateOf(valid[1]!) : undefined,
}));

const closure: fc.Arbitrary<Closure> = fc.record({
  a: day, length: fc.integer({ min: 0, max: 20 }), part: opt(window), reason: opt(text),
}).map(({ a, length, part, reason }) => defined({
  from: dateOf(a), to: dateOf(a + length), fromTime: part?.from, toTime: part?.to, reason,
}));

const block: fc.Arbitrary<Block> = fc.tuple(closure, fc.integer({ min: 1, max: 100 })).map(([c, counters]) => ({ ...c, counters }));

const extra: fc.Arbitrary<ExtraHours> = fc.record({ d: day, window, capacity })
  .map(({ d, window, capacity }) => ({ date: dateOf(d), ...window, ...capacity }));

const booking = fc.integer({ min: 0, max: 730 }).chain((horizonDays) => fc.record({
  leadMinutes: fc.integer({ min: 0, max: Math.min(730 * 1440, (horizonDays + 1) * 1440 - 1) }),
  horizonDays: fc.constant(horizonDays),
  releaseTime: opt(fc.integer({ min: 0, max: 1439 }).map(timeOf)),
  holdMinutes: fc.integer({ min: 1, max: 60 }),
  maxActivePerEmail: fc.integer({ min: 1, max: 100 }),
  cancelUntilMinutes: fc.integer({ min: 0, max: 30 * 1440 }),
  maxServices: fc.integer({ min: 1, max: 50 }),
  confirmByEmail: fc.boolean(),
  confirmMinutes: fc.integer({ min: 1, max: 7 * 1440 }),
  reminderHours: fc.integer({ min: 0, max: 720 }),
  noShowGraceMinutes: fc.integer({ min: 0, max: 240 }),
}).map(defined));

const queue: fc.Arbitrary<QueueRules> = fc.record({
  desks: fc.uniqueArray(fc.record({ id: slug, name: str }), { selector: (d) => d.id, maxLength: 4 }),
  checkInBeforeMinutes: fc.integer({ min: 0, max: 240 }),
  checkInAfterMinutes: fc.integer({ min: 0, max: 240 }),
  lateGraceMinutes: fc.integer({ min: 0, max: 240 }),
  walkIns: fc.boolean(),
  kiosk: fc.boolean(),
});

const office = (serviceIds: string[]): fc.Arbitrary<Office> => fc.record({
  id: slug, name: str, address: str, phone: str,
  email: fc.constantFrom('amt@example.org', 'buergerservice@markkleeberg.example', 'a.b+c@sub.example.de'),
  slotMinutes: fc.integer({ min: 1, max: 1440 }),
  services: fc.shuffledSubarray(serviceIds, { minLength: 1 }),
  booking, hours: fc.array(hours, { maxLength: 3 }), closures: fc.array(closure, { maxLength: 3 }), extraHours: fc.array(extra, { maxLength: 2 }),
  blocks: fc.array(block, { maxLength: 3 }),
  queue: opt(queue),
}).map(({ blocks, queue, ...o }) => ({ ...o, ...(blocks.length > 0 ? { blocks } : {}), ...(queue ? { queue } : {}) }));

const config: fc.Arbitrary<{ orgId: string; config: OrgConfig }> = fc.record({
  orgId: slug,
  organization: fc.record({
    name: str,
    timezone: fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
    holidays: opt(fc.constantFrom('DE-SN', 'DE', 'AT', 'DE-BY-A')),
    defaultLocale: fc.constantFrom('de' as const, 'en' as const),
    publicUrl: fc.constantFrom('http://localhost:3000', 'https://termine.example.org/markkleeberg/'),
    retentionDays: fc.integer({ min: 0, max: 3650 }),
    privacy: opt(text), imprint: opt(text), accessibility: opt(text),
  }).map(defined),
  services: fc.uniqueArray(service, { selector: (s) => s.id, minLength: 1, maxLength: 4 }),
}).chain(({ orgId, organization, services }) =>
  fc.uniqueArray(office(services.map((s) => s.id)), { selector: (o) => o.id, minLength: 1, maxLength: 3 })
    .map((offices) => ({ orgId, config: { organization, services, offices } })));

test('any valid config round-trips through export and import (property)', () => {
  fc.assert(fc.property(config, ({ orgId, config: generated }) => {
    // plain objects (fast-check may build records without a prototype)
    const config = JSON.parse(JSON.stringify(generated)) as OrgConfig;
    // the generated config is itself valid ...
    const direct = validateConfig(JSON.parse(JSON.stringify({ organization: { id: orgId, ...config.organization }, services: config.services, offices: config.offices })));
    assert.ok(direct.ok, direct.ok ? '' : direct.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    // ... and comes back from its export unchanged
    const back = roundTrip(orgId, config);
    assert.equal(back.orgId, orgId);
    assert.deepStrictEqual(back.config, config);
    assert.equal(exportConfig(back.orgId, back.config), exportConfig(orgId, config), 'byte for byte');
  }), { numRuns: 300 });
});

test('an office\'s counter queue is filled with defaults, written after the blocks, and read back byte for byte', () => {
  const file = validFile() as { offices: Record<string, unknown>[] };
  file.offices[0]!.queue = { desks: [{ id: 'platz-1', name: 'Platz 1' }, { id: 'platz-2', name: 'Platz 2' }], walkIns: false };
  const r = validateConfig(file);
  assert.ok(r.ok, r.ok ? '' : r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  assert.deepStrictEqual(r.config.offices[0]!.queue, {
    desks: [{ id: 'platz-1', name: 'Platz 1' }, { id: 'platz-2', name: 'Platz 2' }],
    checkInBeforeMinutes: 30, checkInAfterMinutes: 15, lateGraceMinutes: 5, walkIns: false, kiosk: false,
  });
  const yaml = exportConfig(r.orgId, r.config);
  assert.match(yaml, /^ {4}queue:\n {6}desks:\n {8}- id: platz-1\n {10}name: Platz 1\n/m);
  const back = roundTrip(r.orgId, r.config);
  assert.deepStrictEqual(back.config, r.config);
  assert.equal(exportConfig(back.orgId, back.config), yaml, 'byte for byte');
});

test('an office without a queue section has none (files from before it read as before)', () => {
  const r = validateConfig(validFile());
  assert.ok(r.ok);
  assert.equal(r.config.offices[0]!.queue, undefined);
  assert.doesNotMatch(exportConfig(r.orgId, r.config), /queue:/);
});

test('a desk id given twice in an office is refused, naming the first', () => {
  const file = validFile() as { offices: Record<string, unknown>[] };
  file.offices[0]!.queue = { desks: [{ id: 'platz-1', name: 'Platz 1' }, { id: 'platz-1', name: 'Platz 2' }] };
  const r = validateConfig(file);
  assert.ok(!r.ok);
  assert.ok(r.problems.some((p) => p.path === 'offices[0].queue.desks[1].id' && p.message.includes('offices[0].queue.desks[0]')), JSON.stringify(r.problems));
});
