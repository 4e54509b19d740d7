// The finder against the demo city: realistic queries (German and English,
// with typos and umlauts written out) and the concern that must rank first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDemoConfig } from '../config/demo.ts';
import { editDistance, findServices, normalizeWords, searchServices } from './service-search.ts';
import { built } from '../../test/helpers/node-child.ts';

const { config } = loadDemoConfig();

const TABLE: [string, string][] = [
  ['umzug', 'anmeldung'],
  ['Umzug nach Markkleeberg', 'anmeldung'],
  ['zugezogen', 'anmeldung'],
  ['neue wohnung', 'anmeldung'],
  ['wohnung anmelden', 'anmeldung'],
  ['anmeldung', 'anmeldung'],
  ['anmedlung', 'anmeldung'],
  ['I moved here', 'anmeldung'],
  ['moving to Markkleeberg', 'anmeldung'],
  ['register my address', 'anmeldung'],
  ['ummelden', 'ummeldung'],
  ['umgezogen innerhalb der stadt', 'ummeldung'],
  ['adressaenderung', 'ummeldung'],
  ['change of address', 'ummeldung'],
  ['abmelden', 'abmeldung'],
  ['wegzug ins ausland', 'abmeldung'],
  ['moving abroad', 'abmeldung'],
  ['perso', 'personalausweis'],
  ['personalausweis', 'personalausweis'],
  ['personalausweiss', 'personalausweis'],
  ['ausweis abgelaufen', 'personalausweis'],
  ['ID card', 'personalausweis'],
  ['identity card expired', 'personalausweis'],
  ['reisepas', 'reisepass'],
  ['reisepass', 'reisepass'],
  ['passport', 'reisepass'],
  ['pasport', 'reisepass'],
  ['pass beantragen', 'reisepass'],
  ['vorläufiger ausweis', 'vorlaeufiger-personalausweis'],
  ['vorlaeufiger perso', 'vorlaeufiger-personalausweis'],
  ['temporary ID', 'vorlaeufiger-personalausweis'],
  ['lost my ID', 'ausweis-verlust'],
  ['perso verloren', 'ausweis-verlust'],
  ['ausweis gestohlen', 'ausweis-verlust'],
  ['stolen passport', 'ausweis-verlust'],
  ['pass abholen', 'ausweis-abholung'],
  ['ausweis abholen', 'ausweis-abholung'],
  ['collect passport', 'ausweis-abholung'],
  ['meldebescheinigung', 'meldebescheinigung'],
  ['meldebeschienigung', 'meldebescheinigung'],
  ['proof of address', 'meldebescheinigung'],
  ['führungszeugnis', 'fuehrungszeugnis'],
  ['fuehrungszeugnis', 'fuehrungszeugnis'],
  ['fuhrungszeugnis', 'fuehrungszeugnis'],
  ['fuhrungszeugniss', 'fuehrungszeugnis'],
  ['certificate of good conduct', 'fuehrungszeugnis'],
  ['criminal record', 'fuehrungszeugnis'],
  ['beglaubigung', 'beglaubigung'],
  ['kopie beglaubigen', 'beglaubigung'],
  ['certified copy', 'beglaubigung'],
  ['heiraten', 'eheschliessung-anmelden'],
  ['eheschließung', 'eheschliessung-anmelden'],
  ['hochzeit', 'eheschliessung-anmelden'],
  ['getting married', 'eheschliessung-anmelden'],
  ['namensänderung', 'namenserklaerung'],
  ['vaterschaft', 'vaterschaftsanerkennung'],
  ['geburtsurkunde', 'geburtsurkunde'],
  ['birth certificate', 'geburtsurkunde'],
  ['sterbeurkunde', 'sterbeurkunde'],
  ['death certificate', 'sterbeurkunde'],
  ['reisepass verloren', 'ausweis-verlust'],
  ['Kinderreisepass', 'reisepass'],
  ['Wohnsitz ummelden', 'ummeldung'],
  ['passport expired', 'reisepass'],
  ['Meldebestätigung', 'meldebescheinigung'],
  ['moving out of Germany', 'abmeldung'],
  ['I need a new passport', 'reisepass'],
  ['my passport was stolen', 'ausweis-verlust'],
  ['apply for ID card', 'personalausweis'],
  ['pick up my ID', 'ausweis-abholung'],
  ['registration certificate', 'meldebescheinigung'],
  ['certify a copy', 'beglaubigung'],
  ['Nebenwohnsitz anmelden', 'anmeldung'],
  ['heirat anmelden', 'eheschliessung-anmelden'],
  ['Sorgerecht', 'vaterschaftsanerkennung'],
  ['ehename', 'namenserklaerung'],
  ['Ausweis fertig', 'ausweis-abholung'],
  ['vorlaufiger personalausweis', 'vorlaeufiger-personalausweis'],
  ['Reisepaß', 'reisepass'],
  ['polizeiliches fuhrungszeugnis', 'fuehrungszeugnis'],
  ['Adresse ändern', 'ummeldung'],
];

test('the finder table: at least 40 queries, each with the concern that must rank first', () => {
  assert.ok(TABLE.length >= 40);
  const wrong: string[] = [];
  for (const [q, expected] of TABLE) {
    const got = searchServices(config.services, q).map((s) => s.id);
    if (got[0] !== expected) wrong.push(`${JSON.stringify(q)}: expected ${expected}, got [${got.slice(0, 3).join(', ')}]`);
  }
  assert.deepEqual(wrong, []);
});

test('no query of the table is written into the finder', () => {
  // the code, without its comments (which give examples)
  const source = readFileSync(new URL(built('./service-search.ts'), import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').toLowerCase();
  for (const [q] of TABLE) {
    for (const lit of [`'${q.toLowerCase()}'`, `"${q.toLowerCase()}"`, `\`${q.toLowerCase()}\``]) {
      assert.ok(!source.includes(lit), `${lit} in service-search.ts`);
    }
  }
});

test('nothing offered: no results for things the city does not do', () => {
  for (const q of ['hundesteuer', 'parking permit', 'xyzzy', 'Baugenehmigung']) {
    assert.deepEqual(searchServices(config.services, q).map((s) => s.id), [], q);
  }
});

test('blank and stop-word-only queries find nothing', () => {
  assert.deepEqual(searchServices(config.services, '   '), []);
  assert.deepEqual(searchServices(config.services, 'ich und mein'), []);
});

test('normalizeWords folds umlauts, ß and accents', () => {
  assert.deepEqual(normalizeWords('Führungszeugnis Eheschließung Café'), ['fuehrungszeugnis', 'eheschliessung', 'cafe']);
});

test('editDistance counts swaps as one', () => {
  assert.equal(editDistance('anmedlung', 'anmeldung'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
});

test('redirects: where to go instead, also beside results; short words need the word itself', () => {
  const car = findServices(config.services, 'Kfz ummelden', config.assistant);
  assert.match(car.redirect!.de, /Zulassungsbehörde/);
  assert.equal(findServices(config.services, 'apply for ID card', config.assistant).redirect, undefined);
  const none = findServices(config.services, 'xyzzy', config.assistant);
  assert.deepEqual(none.services, []);
  assert.match(none.notFound!.de, /keinen Termin/);
  assert.equal(findServices(config.services, 'xyzzy').notFound, undefined);
});

test('findServices returns a redirect hint when a configured keyword matches', () => {
  const r = findServices(config.services, "Hundesteuer", config.assistant);
  assert.equal(r.services.length, 0);
  assert.ok(r.redirect, "a hint for Hundesteuer");
  assert.match(r.redirect!.de, /Steuer/);
});
