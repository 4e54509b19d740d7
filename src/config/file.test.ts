import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfigText, readConfigFile, detectFormat } from './file.ts';
import { validateConfig, formatProblem } from './validate.ts';
import { validFile } from './test-fixtures.ts';

const YAML_FILE = `# a small office
organization:
  name: Stadt Testhausen
  timezone: Europe/Berlin
  holidays: DE-SN
  publicUrl: https://termine.example.org

services:
  - id: passport
    name: { de: Reisepass, en: Passport }
    area: Ausweise
    minutes: 15
    documents: [Lichtbild]

offices:
  - id: buergeramt
    name: Bürgeramt
    address: Markt 1
    phone: "0341 123"
    email: amt@example.org
    slotMinutes: 5
    booking:
      releaseTime: 07:00
    hours:
      - days: [mon, tue]
        from: 08:00
        to: 24:00
        counters: 2
        validFrom: 2026-01-01
        validTo: 2027-12-31
    closures:
      - date: 2026-12-24
        fromTime: 08:00
        toTime: 12:30
      - from: 2026-12-28
        to: 2026-12-31
    extraHours:
      - date: 2026-12-05
        from: 09:00
        to: 12:00
        counters: 1
`;

/** 1-based line of the `nth` line (0-based) that contains `marker`. */
function lineOf(text: string, marker: string, nth = 0): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  assert.ok(hits[nth] !== undefined, `no line ${nth} with ${marker}`);
  return hits[nth]!;
}

function ok(r: ReturnType<typeof parseConfigText>) {
  assert.ok(r.ok, r.ok ? '' : r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r;
}

test('unquoted dates and times in YAML stay strings (no dates, no sexagesimal numbers)', () => {
  const r = ok(parseConfigText(YAML_FILE, 'org.yaml'));
  const office = r.config.offices[0]!;
  assert.equal(office.booking.releaseTime, '07:00');
  assert.deepEqual(office.hours[0], {
    days: ['mon', 'tue'], from: '08:00', to: '24:00', counters: 2, online: 2, phone: 2,
    validFrom: '2026-01-01', validTo: '2027-12-31',
  });
  assert.deepEqual(office.closures, [
    { from: '2026-12-24', to: '2026-12-24', fromTime: '08:00', toTime: '12:30' },
    { from: '2026-12-28', to: '2026-12-31' },
  ]);
  assert.deepEqual(office.extraHours[0], { date: '2026-12-05', from: '09:00', to: '12:00', counters: 1, online: 1, phone: 1 });
  assert.deepEqual(r.config.services[0]!.name, { de: 'Reisepass', en: 'Passport' });
  assert.deepEqual(r.config.services[0]!.area, { de: 'Ausweise', en: 'Ausweise' });
  assert.deepEqual(r.config.services[0]!.documents, { de: ['Lichtbild'], en: ['Lichtbild'] });
});

test('a %YAML 1.1 directive does not bring back 1.1 dates, sexagesimals or yes/no', () => {
  const text = `%YAML 1.1\n---\n${YAML_FILE.replace('releaseTime: 07:00', 'releaseTime: 07:00\n      confirmByEmail: no')}`;
  const r = parseConfigText(text, 'org.yaml');
  assert.equal(r.ok, false);
  // "no" is a string under the 1.2 core schema, so it is refused instead of being read as false
  assert.deepEqual(r.ok ? [] : r.problems.map((p) => [p.path, p.line]), [['offices[0].booking.confirmByEmail', lineOf(text, 'confirmByEmail')]]);
  assert.equal(lineOf(text, 'confirmByEmail'), 26);
  const fixed = ok(parseConfigText(text.replace('confirmByEmail: no', 'confirmByEmail: false'), 'org.yaml'));
  assert.equal(fixed.config.offices[0]!.hours[0]!.from, '08:00');
  assert.equal(fixed.config.offices[0]!.closures[0]!.from, '2026-12-24');
});

test('explicit YAML tags do not turn values into dates or binaries', () => {
  const r = parseConfigText(YAML_FILE.replace('- date: 2026-12-24', '- date: !!timestamp 2026-12-24'), 'org.yaml');
  assert.equal(ok(r).config.offices[0]!.closures[0]!.from, '2026-12-24');
});

test('a YAML syntax error is a problem with its line, never an exception', () => {
  const broken = YAML_FILE.replace('    documents: [Lichtbild]', '    documents: [Lichtbild\n    fee: 5');
  const r = parseConfigText(broken, 'org.yaml');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.ok(r.problems.length >= 1);
  assert.equal(r.problems[0]!.path, '(file)');
  assert.match(r.problems[0]!.message, /^line \d+, column \d+: YAML syntax error: /);
  assert.equal(typeof r.problems[0]!.line, 'number');
  assert.ok(r.problems[0]!.line! >= 13 && r.problems[0]!.line! <= 14, `line ${r.problems[0]!.line}`);
});

test('tabs for indentation and duplicate keys are syntax errors with lines', () => {
  const tabs = parseConfigText('organization:\n\tname: x\n', 'org.yaml');
  assert.equal(tabs.ok, false);
  assert.equal(tabs.ok ? 0 : tabs.problems[0]!.line, 2);

  const dup = parseConfigText(YAML_FILE.replace('  timezone: Europe/Berlin\n', '  timezone: Europe/Berlin\n  timezone: UTC\n'), 'org.yaml');
  assert.equal(dup.ok, false);
  if (dup.ok) return;
  assert.equal(dup.problems[0]!.path, '(file)');
  assert.match(dup.problems[0]!.message, /^line 5, column 3: YAML syntax error: Map keys must be unique/);
});

test('several YAML documents in one file are refused', () => {
  const r = parseConfigText(`${YAML_FILE}---\norganization: {}\n`, 'org.yaml');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.problems[0]!.message, /multiple documents/);
});

test('validation problems carry the line of the field in the file', () => {
  const text = YAML_FILE.replace('to: 24:00', 'to: 07:00').replace('    slotMinutes: 5\n', '    slotMinutes: 5\n    slotMinuts: 5\n');
  const r = parseConfigText(text, 'org.yaml');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.problems.map((p) => [p.path, p.line, p.message]), [
    ['offices[0].slotMinuts', 22, 'unknown field (did you mean "slotMinutes"?)'],
    ['offices[0].hours[0].to', 28, 'must be after "from" (08:00)'],
  ]);
  assert.equal(lineOf(text, 'slotMinuts'), 22);
  assert.equal(lineOf(text, 'to: 07:00'), 28);
});

test('JSON by extension, with the same result as the parsed object', () => {
  const json = JSON.stringify(validFile(), null, 2);
  const r = ok(parseConfigText(json, 'org.json'));
  assert.deepEqual(r.config, (validateConfig(validFile()) as { config: unknown }).config);
});

test('JSON without a file name is recognised by its content', () => {
  const json = JSON.stringify(validFile());
  assert.equal(detectFormat(json), 'json');
  assert.equal(detectFormat(YAML_FILE), 'yaml');
  assert.equal(detectFormat('{ a: 1 }'), 'yaml', 'YAML flow style is not JSON');
  assert.equal(detectFormat(json, 'org.yml'), 'yaml');
  ok(parseConfigText(json));
});

test('a JSON syntax error reports its line and column', () => {
  const json = JSON.stringify(validFile(), null, 2).replace('"minutes": 15', '"minutes": 15,,');
  const r = parseConfigText(json, 'org.json');
  assert.equal(r.ok, false);
  if (r.ok) return;
  const line = json.split('\n').findIndex((l) => l.includes('15,,')) + 1;
  assert.equal(r.problems[0]!.path, '(file)');
  assert.equal(r.problems[0]!.line, line);
  assert.match(r.problems[0]!.message, new RegExp(`^line ${line}, column \\d+: JSON syntax error: `));
});

test('JSON validation problems get lines too', () => {
  const f = validFile();
  f.offices[0].hours[1].to = '12:00';
  const json = JSON.stringify(f, null, 2);
  const r = parseConfigText(json, 'org.json');
  assert.equal(r.ok, false);
  if (r.ok) return;
  // the first "to": "12:00" is hours[0] (valid), the second hours[1]
  assert.deepEqual(r.problems.map((p) => [p.path, p.line]), [['offices[0].hours[1].to', lineOf(json, '"to": "12:00"', 1)]]);
});

test('an empty file, a byte-order mark, a German report', () => {
  const empty = parseConfigText('# nothing here\n', 'org.yaml');
  assert.deepEqual(empty.ok ? [] : empty.problems.map((p) => `${p.path}: ${p.message}`), ['(file): the file is empty']);
  ok(parseConfigText(`\uFEFF${YAML_FILE}`, 'org.yaml'));
  const de = parseConfigText(YAML_FILE.replace('slotMinutes: 5', 'slotMinutes: 0'), 'org.yaml', 'de');
  assert.deepEqual(de.ok ? [] : de.problems.map((p) => p.message), ['muss mindestens 1 sein (angegeben: 0)']);
});

test('readConfigFile reads a file, and reports a missing one as a problem', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'amtszeit-config-'));
  try {
    const path = join(dir, 'org.yaml');
    writeFileSync(path, YAML_FILE);
    const r = await readConfigFile(path);
    assert.equal(ok(r).config.offices[0]!.id, 'buergeramt');
    const missing = await readConfigFile(join(dir, 'nope.yaml'));
    assert.equal(missing.ok, false);
    assert.match(missing.ok ? '' : missing.problems[0]!.message, /^cannot read the file: .*nope\.yaml: no such file$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('formatProblem: path, message and the line, which file-level problems name themselves', () => {
  const bad = parseConfigText(YAML_FILE.replace('slotMinutes: 5', 'slotMinutes: 0'), 'org.yaml');
  assert.deepEqual(bad.ok ? [] : bad.problems.map(formatProblem), [
    `offices[0].slotMinutes: must be at least 1 (got 0) (line ${lineOf(YAML_FILE, 'slotMinutes')})`,
  ]);
  const syntax = parseConfigText('organization:\n  name: x\n  name: y\n', 'org.yaml');
  assert.deepEqual(syntax.ok ? [] : syntax.problems.map(formatProblem), [
    '(file): line 3, column 3: YAML syntax error: Map keys must be unique',
  ]);
});
