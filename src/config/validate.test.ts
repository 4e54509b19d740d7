import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateConfig, parseConfig, ConfigError, formatProblem, type Problem } from './validate.ts';
import { BOOKING_DEFAULTS } from './schema.ts';
import { MESSAGE_KEYS, renderMessage } from './messages.ts';
import { validFile, type AnyConfig } from './test-fixtures.ts';

function problemsOf(raw: unknown, locale: 'de' | 'en' = 'en'): Problem[] {
  const r = validateConfig(raw, locale);
  assert.equal(r.ok, false, 'expected the config to be refused');
  return r.ok ? [] : r.problems;
}

function show(problems: Problem[]): string {
  return problems.map(formatProblem).join('\n');
}

test('a valid file is accepted and normalised, with every default filled in', () => {
  const r = validateConfig(validFile());
  assert.ok(r.ok, r.ok ? '' : show(r.problems));
  assert.equal(r.orgId, 'default');
  const { organization, services, offices } = r.config;
  assert.deepEqual(organization, {
    name: 'Stadt Testhausen',
    timezone: 'Europe/Berlin',
    defaultLocale: 'de',
    publicUrl: 'https://termine.example.org',
    retentionDays: 30,
  });
  // a plain string stands for both languages, a plain list likewise
  assert.deepEqual(services[0], {
    id: 'passport',
    name: { de: 'Reisepass', en: 'Reisepass' },
    area: { de: 'Ausweise', en: 'Ausweise' },
    minutes: 15,
    maxQuantity: 1,
    documents: { de: [], en: [] },
  });
  assert.deepEqual(services[1]!.documents, { de: ['Personalausweis'], en: ['Personalausweis'] });
  const office = offices[0]!;
  assert.deepEqual(office.services, ['passport', 'anmeldung'], 'default: all services');
  assert.deepEqual(office.booking, { ...BOOKING_DEFAULTS });
  assert.deepEqual(office.booking, {
    leadMinutes: 1440, horizonDays: 60, holdMinutes: 10, maxActivePerEmail: 3, cancelUntilMinutes: 0,
    maxServices: 5, confirmByEmail: false, confirmMinutes: 60, reminderHours: 24, noShowGraceMinutes: 15,
  });
  assert.deepEqual(office.hours[0], { days: ['mon', 'tue'], from: '08:00', to: '12:00', counters: 2, online: 2, phone: 2 });
  assert.deepEqual(office.hours[1], { days: ['tue'], from: '13:00', to: '18:00', counters: 2, online: 1, phone: 2 });
  assert.deepEqual(office.closures, [{ from: '2026-12-24', to: '2026-12-24' }]);
  assert.deepEqual(office.extraHours, [{ date: '2026-12-05', from: '09:00', to: '12:00', counters: 1, online: 1, phone: 1 }]);
});

test('organization id, page texts and explicit values are kept', () => {
  const f = validFile();
  Object.assign(f.organization, {
    id: 'leipzig', holidays: 'DE-SN', defaultLocale: 'en', retentionDays: 14,
    privacy: { de: 'Datenschutz ...', en: 'Privacy ...' }, imprint: 'Impressum',
  });
  f.offices[0].services = ['anmeldung'];
  f.offices[0].closures = [
    { from: '2026-12-28', to: '2026-12-31', reason: 'Betriebsferien' },
    { date: '2026-12-02', fromTime: '13:00', toTime: '24:00' },
    { date: '2026-12-03', fromTime: '14:00' },
    { date: '2026-12-04', toTime: '10:00' },
  ];
  f.offices[0].booking = { releaseTime: '07:00', confirmByEmail: true, reminderHours: 0 };
  const r = validateConfig(f);
  assert.ok(r.ok, r.ok ? '' : show(r.problems));
  assert.equal(r.orgId, 'leipzig');
  assert.equal(r.config.organization.holidays, 'DE-SN');
  assert.equal(r.config.organization.defaultLocale, 'en');
  assert.equal(r.config.organization.retentionDays, 14);
  assert.deepEqual(r.config.organization.privacy, { de: 'Datenschutz ...', en: 'Privacy ...' });
  assert.deepEqual(r.config.organization.imprint, { de: 'Impressum', en: 'Impressum' });
  assert.equal('id' in r.config.organization, false, 'the id is returned apart');
  assert.deepEqual(r.config.offices[0]!.services, ['anmeldung']);
  assert.deepEqual(r.config.offices[0]!.closures, [
    { from: '2026-12-28', to: '2026-12-31', reason: { de: 'Betriebsferien', en: 'Betriebsferien' } },
    { from: '2026-12-02', to: '2026-12-02', fromTime: '13:00', toTime: '24:00' },
    // a part-day closure always gets both ends
    { from: '2026-12-03', to: '2026-12-03', fromTime: '14:00', toTime: '24:00' },
    { from: '2026-12-04', to: '2026-12-04', fromTime: '00:00', toTime: '10:00' },
  ]);
  assert.equal(r.config.offices[0]!.booking.releaseTime, '07:00');
  assert.equal(r.config.offices[0]!.booking.confirmByEmail, true);
  assert.equal(r.config.offices[0]!.booking.reminderHours, 0);
  assert.equal(r.config.offices[0]!.booking.leadMinutes, 1440);
});

test('blocks: like closures plus the counters taken away; none means none', () => {
  const f = validFile();
  f.offices[0].blocks = [
    { date: '2026-12-02', fromTime: '09:00', toTime: '10:00', counters: 1, reason: 'krank' },
    { from: '2026-12-07', to: '2026-12-11', counters: 2 },
    { date: '2026-12-03', fromTime: '14:00', counters: 1 },
  ];
  const r = validateConfig(f);
  assert.ok(r.ok, r.ok ? '' : show(r.problems));
  assert.deepEqual(r.config.offices[0]!.blocks, [
    { from: '2026-12-02', to: '2026-12-02', fromTime: '09:00', toTime: '10:00', reason: { de: 'krank', en: 'krank' }, counters: 1 },
    { from: '2026-12-07', to: '2026-12-11', counters: 2 },
    { from: '2026-12-03', to: '2026-12-03', fromTime: '14:00', toTime: '24:00', counters: 1 },
  ]);
  const none = validateConfig(validFile());
  assert.ok(none.ok);
  assert.equal('blocks' in none.config.offices[0]!, false, 'no blocks: the office reads as before');
  const bad = validFile();
  bad.offices[0].blocks = [{ date: '2026-12-02', fromTime: '11:00', toTime: '10:00', counters: 0 }];
  assert.deepEqual(problemsOf(bad, 'de').map(formatProblem), [
    'offices[0].blocks[0].toTime: muss nach „fromTime“ liegen (11:00)',
    'offices[0].blocks[0].counters: muss mindestens 1 sein (angegeben: 0)',
  ]);
});

type Case = [name: string, change: (f: AnyConfig) => void, path: string, fragment: string];

const o = (f: AnyConfig) => f.offices[0];
const BAD: Case[] = [
  ['window ends before it starts', (f) => { o(f).hours[1].to = '12:00'; }, 'offices[0].hours[1].to', 'must be after "from" (13:00)'],
  ['window of no length', (f) => { o(f).hours[0].to = '08:00'; }, 'offices[0].hours[0].to', 'must be after "from" (08:00)'],
  ['24:00 as a start', (f) => { o(f).hours[0].from = '24:00'; }, 'offices[0].hours[0].from', 'must be a time "HH:MM" from 00:00 to 23:59'],
  ['hour 25', (f) => { o(f).hours[0].to = '25:00'; }, 'offices[0].hours[0].to', 'from 00:00 to 24:00 (got "25:00")'],
  ['time without leading zero', (f) => { o(f).hours[0].from = '8:00'; }, 'offices[0].hours[0].from', '(got "8:00")'],
  ['time as a number', (f) => { o(f).hours[0].from = 800; }, 'offices[0].hours[0].from', 'must be a time "HH:MM"'],
  ['no counters', (f) => { o(f).hours[0].counters = 0; }, 'offices[0].hours[0].counters', 'must be at least 1 (got 0)'],
  ['half a counter', (f) => { o(f).hours[0].counters = 2.5; }, 'offices[0].hours[0].counters', 'must be a whole number (got 2.5)'],
  ['counters as text', (f) => { o(f).hours[0].counters = '2'; }, 'offices[0].hours[0].counters', 'must be a number (got "2")'],
  ['online above phone', (f) => { o(f).hours[1].online = 2; o(f).hours[1].phone = 1; }, 'offices[0].hours[1].online', 'must not exceed "phone" (1)'],
  ['phone above counters', (f) => { o(f).hours[1].phone = 3; }, 'offices[0].hours[1].phone', 'must not exceed "counters" (2)'],
  ['online above counters', (f) => { o(f).hours[0].online = 3; }, 'offices[0].hours[0].online', 'must not exceed "counters" (2)'],
  ['default online above phone', (f) => { o(f).hours[0].phone = 1; }, 'offices[0].hours[0].online', 'defaults to "counters" (2), which exceeds "phone" (1)'],
  ['negative online', (f) => { o(f).hours[0].online = -1; }, 'offices[0].hours[0].online', 'must be at least 0'],
  ['no days', (f) => { o(f).hours[0].days = []; }, 'offices[0].hours[0].days', 'must not be an empty list'],
  ['a day twice', (f) => { o(f).hours[0].days = ['mon', 'tue', 'mon']; }, 'offices[0].hours[0].days', 'lists "mon" more than once'],
  ['a day spelt out', (f) => { o(f).hours[0].days = ['mon', 'tuesday']; }, 'offices[0].hours[0].days[1]', 'must be one of mon, tue, wed, thu, fri, sat, sun (got "tuesday")'],
  ['validTo before validFrom', (f) => { Object.assign(o(f).hours[0], { validFrom: '2026-06-01', validTo: '2026-05-31' }); }, 'offices[0].hours[0].validTo', 'must not be before "validFrom" (2026-06-01)'],
  ['29 February in a common year', (f) => { o(f).closures[0].date = '2026-02-29'; }, 'offices[0].closures[0].date', 'is not a real calendar date (got "2026-02-29")'],
  ['German date format', (f) => { o(f).extraHours[0].date = '05.12.2026'; }, 'offices[0].extraHours[0].date', 'must be a date "YYYY-MM-DD"'],
  ['closure with date and range', (f) => { o(f).closures[0].from = '2026-12-24'; }, 'offices[0].closures[0]', 'either "date" or "from"/"to", not both'],
  ['closure without any day', (f) => { o(f).closures[0] = { reason: 'Umzug' }; }, 'offices[0].closures[0]', 'needs "date" (one day) or "from" and "to"'],
  ['closure range without end', (f) => { o(f).closures[0] = { from: '2026-12-28' }; }, 'offices[0].closures[0].to', 'is required when "from" is given'],
  ['closure range backwards', (f) => { o(f).closures[0] = { from: '2026-12-28', to: '2026-12-27' }; }, 'offices[0].closures[0].to', 'must not be before "from" (2026-12-28)'],
  ['part-day closure backwards', (f) => { Object.assign(o(f).closures[0], { fromTime: '13:00', toTime: '12:00' }); }, 'offices[0].closures[0].toTime', 'must be after "fromTime" (13:00)'],
  ['block without counters', (f) => { o(f).blocks = [{ date: '2026-12-02' }]; }, 'offices[0].blocks[0].counters', 'is required'],
  ['block of no counters', (f) => { o(f).blocks = [{ date: '2026-12-02', counters: 0 }]; }, 'offices[0].blocks[0].counters', 'must be at least 1 (got 0)'],
  ['block of half a counter', (f) => { o(f).blocks = [{ date: '2026-12-02', counters: 1.5 }]; }, 'offices[0].blocks[0].counters', 'must be a whole number'],
  ['block with date and range', (f) => { o(f).blocks = [{ date: '2026-12-02', from: '2026-12-02', to: '2026-12-03', counters: 1 }]; }, 'offices[0].blocks[0]', 'either "date" or "from"/"to", not both'],
  ['block without any day', (f) => { o(f).blocks = [{ counters: 1 }]; }, 'offices[0].blocks[0]', 'needs "date" (one day) or "from" and "to"'],
  ['block range backwards', (f) => { o(f).blocks = [{ from: '2026-12-28', to: '2026-12-27', counters: 1 }]; }, 'offices[0].blocks[0].to', 'must not be before "from" (2026-12-28)'],
  ['part-day block backwards', (f) => { o(f).blocks = [{ date: '2026-12-02', fromTime: '11:00', toTime: '10:00', counters: 1 }]; }, 'offices[0].blocks[0].toTime', 'must be after "fromTime" (11:00)'],
  ['block field misspelt', (f) => { o(f).blocks = [{ date: '2026-12-02', counter: 1 }]; }, 'offices[0].blocks[0].counter', 'unknown field (did you mean "counters"?)'],
  ['extra hours backwards', (f) => { o(f).extraHours[0].to = '09:00'; }, 'offices[0].extraHours[0].to', 'must be after "from" (09:00)'],
  ['misspelt time zone', (f) => { f.organization.timezone = 'Europe/Berln'; }, 'organization.timezone', 'unknown time zone "Europe/Berln" (did you mean "Europe/Berlin"?)'],
  ['time zone in lower case', (f) => { f.organization.timezone = 'europe/berlin'; }, 'organization.timezone', 'did you mean "Europe/Berlin"?'],
  ['offset instead of a zone', (f) => { f.organization.timezone = '+01:00'; }, 'organization.timezone', 'use an IANA name'],
  ['unknown holiday state', (f) => { f.organization.holidays = 'DE-XX'; }, 'organization.holidays', 'unknown holiday region "DE-XX"'],
  ['unknown holiday country', (f) => { f.organization.holidays = 'XX'; }, 'organization.holidays', 'unknown holiday region "XX"'],
  ['holiday region in lower case', (f) => { f.organization.holidays = 'de-sn'; }, 'organization.holidays', 'did you mean "DE-SN"?'],
  ['not an e-mail address', (f) => { o(f).email = 'amt(at)example.org'; }, 'offices[0].email', 'must be an e-mail address'],
  ['URL without scheme', (f) => { f.organization.publicUrl = 'termine.example.org'; }, 'organization.publicUrl', 'must be a web address starting with http:// or https://'],
  ['FTP URL', (f) => { f.organization.publicUrl = 'ftp://example.org'; }, 'organization.publicUrl', 'http:// or https://'],
  ['id with capitals and umlaut', (f) => { o(f).id = 'Bürgeramt'; }, 'offices[0].id', 'must be an id of 1 to 64 lowercase letters'],
  ['id too long', (f) => { f.services[0].id = 'a'.repeat(65); o(f).services = ['anmeldung']; }, 'services[0].id', 'must be an id'],
  ['organization id not a slug', (f) => { f.organization.id = 'Stadt Leipzig'; }, 'organization.id', 'must be an id'],
  ['duplicate service id', (f) => { f.services[1].id = 'passport'; }, 'services[1].id', 'duplicate id "passport" (already used by services[0])'],
  ['duplicate office id', (f) => { f.offices.push({ ...structuredClone(o(f)) }); }, 'offices[1].id', 'duplicate id "buergeramt" (already used by offices[0])'],
  ['unknown service in an office', (f) => { o(f).services = ['pasport', 'anmeldung']; }, 'offices[0].services[0]', 'unknown service "pasport" (did you mean "passport"?)'],
  ['service listed twice in an office', (f) => { o(f).services = ['passport', 'passport']; }, 'offices[0].services', 'lists "passport" more than once'],
  ['office offering nothing', (f) => { o(f).services = []; }, 'offices[0].services', 'leave "services" out to offer all services'],
  ['zero-minute service', (f) => { f.services[0].minutes = 0; }, 'services[0].minutes', 'must be at least 1'],
  ['service longer than a day', (f) => { f.services[0].minutes = 1441; }, 'services[0].minutes', 'must be at most 1440 (got 1441)'],
  ['slot of zero minutes', (f) => { o(f).slotMinutes = 0; }, 'offices[0].slotMinutes', 'must be at least 1'],
  ['maxQuantity 0', (f) => { f.services[0].maxQuantity = 0; }, 'services[0].maxQuantity', 'must be at least 1'],
  ['horizon too far', (f) => { o(f).booking = { horizonDays: 731 }; }, 'offices[0].booking.horizonDays', 'must be at most 730'],
  ['negative lead time', (f) => { o(f).booking = { leadMinutes: -1 }; }, 'offices[0].booking.leadMinutes', 'must be at least 0'],
  ['lead time beyond the horizon', (f) => { o(f).booking = { leadMinutes: 3 * 1440, horizonDays: 2 }; }, 'offices[0].booking.leadMinutes', 'nothing could ever be booked'],
  ['horizon shorter than the default lead time', (f) => { o(f).booking = { horizonDays: 0 }; }, 'offices[0].booking.horizonDays', 'nothing could ever be booked'],
  ['releaseTime 24:00', (f) => { o(f).booking = { releaseTime: '24:00' }; }, 'offices[0].booking.releaseTime', 'from 00:00 to 23:59'],
  ['yes for a boolean', (f) => { o(f).booking = { confirmByEmail: 'yes' }; }, 'offices[0].booking.confirmByEmail', 'must be true or false'],
  ['hold of zero minutes', (f) => { o(f).booking = { holdMinutes: 0 }; }, 'offices[0].booking.holdMinutes', 'must be at least 1'],
  ['retention of ten years and more', (f) => { f.organization.retentionDays = 4000; }, 'organization.retentionDays', 'must be at most 3650'],
  ['unsupported locale', (f) => { f.organization.defaultLocale = 'fr'; }, 'organization.defaultLocale', 'must be one of de, en (got "fr")'],
  ['no services', (f) => { f.services = []; }, 'services', 'must not be an empty list'],
  ['no offices section', (f) => { delete f.offices; }, 'offices', 'is required'],
  ['no organization name', (f) => { delete f.organization.name; }, 'organization.name', 'is required'],
  ['blank name', (f) => { f.organization.name = '   '; }, 'organization.name', 'must not be empty'],
  ['empty plain-string text', (f) => { f.services[0].name = ''; }, 'services[0].name', 'must not be empty'],
  ['text without English', (f) => { f.services[1].name = { de: 'Anmeldung' }; }, 'services[1].name.en', 'is required'],
  ['text in a third language', (f) => { f.services[1].name.fr = 'Inscription'; }, 'services[1].name.fr', 'unknown field'],
  ['text as a number', (f) => { f.services[0].area = 42; }, 'services[0].area', 'must be a text, or one per language as { de: ..., en: ... }'],
  ['documents as one string', (f) => { f.services[1].documents = 'Personalausweis'; }, 'services[1].documents', 'must be a list of texts'],
  ['phone number unquoted', (f) => { o(f).phone = 341123; }, 'offices[0].phone', 'must be text (put it in quotes)'],
  ['empty value', (f) => { o(f).address = null; }, 'offices[0].address', 'has no value'],
  ['bad LeiKa key', (f) => { f.services[0].leika = '9911500'; }, 'services[0].leika', 'LeiKa key of 14 digits'],
  ['misspelt field', (f) => { o(f).hours[0].form = o(f).hours[0].from; delete o(f).hours[0].from; }, 'offices[0].hours[0].form', 'unknown field (did you mean "from"?)'],
  ['misspelt section', (f) => { o(f).bookng = { leadMinutes: 60 }; }, 'offices[0].bookng', 'unknown field (did you mean "booking"?)'],
  ['swapped letters', (f) => { f.organization.naem = 'x'; }, 'organization.naem', 'did you mean "name"?'],
  ['unknown top-level section', (f) => { f.settings = {}; }, 'settings', 'unknown field'],
  ['list instead of mapping', (f) => { o(f).booking = []; }, 'offices[0].booking', 'must be a mapping of fields'],
];

test(`each of ${BAD.length} bad inputs is refused with its path and message`, async (t) => {
  assert.ok(BAD.length >= 25);
  for (const [name, change, path, fragment] of BAD) {
    await t.test(name, () => {
      const f = validFile();
      change(f);
      const problems = problemsOf(f);
      const here = problems.filter((p) => p.path === path);
      assert.equal(here.length, 1, `expected one problem at ${path}, got:\n${show(problems)}`);
      assert.ok(here[0]!.message.includes(fragment), `"${here[0]!.message}" should contain "${fragment}"`);
      // nothing else is reported, except "from is required" after a misspelt "from"
      const others = problems.filter((p) => p.path !== path);
      const expectedOthers = name === 'misspelt field' ? ['offices[0].hours[0].from: is required']
        : name === 'block field misspelt' ? ['offices[0].blocks[0].counters: is required'] : [];
      assert.deepEqual(others.map(formatProblem), expectedOthers);
    });
  }
});

test('every problem is reported at once, in the order of the file', () => {
  const f = validFile();
  f.organization.timezone = 'Mars/Olympus';
  f.services[0].minutes = -5;
  f.services[1].id = 'passport';
  o(f).email = 'nobody';
  o(f).hours[0].days = ['mon', 'mon'];
  o(f).hours[1].to = '12:00';
  o(f).hours[1].counters = 'two'; // a broken field does not hide the others
  o(f).closures.push({ from: '2027-01-02', to: '2027-01-01' });
  o(f).extras = [];
  const problems = problemsOf(f);
  assert.deepEqual(problems.map((p) => p.path), [
    'organization.timezone',
    'services[0].minutes',
    'services[1].id',
    'offices[0].email',
    'offices[0].hours[0].days',
    'offices[0].hours[1].to',
    'offices[0].hours[1].counters',
    'offices[0].closures[1].to',
    'offices[0].extras',
  ], show(problems));
});

test('the whole file is refused when it is not a mapping', () => {
  for (const raw of [null, undefined, 'organization', [1, 2], 42]) {
    const problems = problemsOf(raw);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.path, '(file)');
    assert.match(problems[0]!.message, raw == null ? /the file is empty/ : /must contain a mapping with "organization"/);
  }
});

test('problems in German', () => {
  const f = validFile();
  o(f).hours[1].to = '12:00';
  o(f).bookng = {};
  f.services[0].minutes = 0;
  const problems = problemsOf(f, 'de');
  assert.deepEqual(problems.map(formatProblem), [
    'services[0].minutes: muss mindestens 1 sein (angegeben: 0)',
    'offices[0].hours[1].to: muss nach „from“ liegen (13:00)',
    'offices[0].bookng: unbekanntes Feld (meinten Sie „booking“?)', // added last to the office, so listed last
  ]);
});

test('every message exists in both languages and differs between them', () => {
  const params = { value: 'x', expected: 'string', field: 'from', other: '13:00', min: 1, max: 2, values: ['a'], entry: 'a',
    id: 'a', first: 'services[0]', counters: 2, phone: 1, horizonDays: 1, format: 'YAML', line: 1, col: 1, detail: 'd' };
  for (const key of MESSAGE_KEYS) {
    const en = renderMessage('en', key, params);
    const de = renderMessage('de', key, params);
    assert.ok(en.length > 0 && de.length > 0, key);
    assert.notEqual(en, de, key);
  }
});

test('parseConfig throws a ConfigError listing every problem', () => {
  const f = validFile();
  o(f).hours[1].to = '12:00';
  f.services[0].minutes = 0;
  assert.throws(() => parseConfig(f, 'test.yaml'), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.problems.length, 2);
    assert.match(e.message, /^test\.yaml is invalid:\nservices\[0\]\.minutes: .*\noffices\[0\]\.hours\[1\]\.to: must be after "from" \(13:00\)$/);
    return true;
  });
  assert.equal(parseConfig(validFile()).orgId, 'default');
});

test('the raw input is not changed by validation', () => {
  const f = validFile();
  const copy = structuredClone(f);
  validateConfig(f);
  assert.deepEqual(f, copy);
});
