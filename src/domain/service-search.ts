// Finds concerns by everyday words: umlauts written as ae/oe/ue, ß as ss,
// prefixes ("perso"), word forms ("ummelden" ~ "Ummeldung", "moved" ~
// "moving"), small typos ("reisepas"), in German and English; ranks the best
// match first. Pure: the catalogue and the optional "where to go instead"
// hints of the assistant config come in as parameters.
import type { Assistant, FinderRedirect, Service, Text } from './types.ts';

export function normalizeWords(text: string): string[] {
  const folded = text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** Damerau-Levenshtein (optimal string alignment) distance, capped for speed. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * A light stem for comparing word forms: common German and English endings
 * removed once ("anmelden", "anmeldung" -> "anmeld"; "moved", "moving" -> "mov").
 */
export function stem(word: string): string {
  for (const end of ['ungen', 'ung', 'ing', 'en', 'ed', 'er', 'es', 'e', 'n', 's']) {
    if (word.endsWith(end) && word.length - end.length >= 3) return word.slice(0, -end.length);
  }
  return word;
}

function allowedTypos(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** How well one query word matches one indexed word (0: not at all, 10: the same). */
export function wordScore(q: string, w: string): number {
  if (q === w) return 10;
  if (q.length >= 4 && stem(q) === stem(w)) return 9;
  if (w.startsWith(q) && q.length >= 3) return 7;
  if (q.length >= 4 && w.includes(q)) return 5; // part of a compound: "ausweis" in "personalausweis"
  if (w.length >= 4 && q.length > w.length && q.endsWith(w)) return 5; // a compound asked for: "kinderreisepass" ends in "reisepass"
  const typos = allowedTypos(q);
  if (typos > 0) {
    const d = editDistance(q, w, typos);
    if (d <= typos) return d === 1 ? 6 : 4.5;
    // a mistyped prefix: "fuehrungszeug" ~ "fuehrungszeugnis"
    if (w.length > q.length && q.length >= 5 && editDistance(q, w.slice(0, q.length), 1) <= 1) return 4;
  }
  return 0;
}

/** Scores that wordScore gives only for typos (see there). */
function isTypoMatch(score: number): boolean {
  return score === 6 || score === 4.5 || score === 4;
}

/** Words that say nothing about the concern. */
const STOPWORDS = new Set([
  'ich', 'mein', 'meine', 'meinen', 'meiner', 'ein', 'eine', 'einen', 'einer', 'der', 'die', 'das', 'den', 'dem', 'des',
  'fuer', 'und', 'oder', 'ist', 'bin', 'habe', 'hab', 'nach', 'in', 'im', 'ins', 'zu', 'zum', 'zur', 'von', 'vom', 'mit',
  'neu', 'neue', 'neuen', 'neuer', 'neues', 'wie', 'was', 'wo', 'brauche', 'moechte', 'will', 'bitte',
  'a', 'an', 'the', 'my', 'i', 'im', 'for', 'to', 'of', 'and', 'or', 'in', 'is', 'am', 'me', 'new', 'need', 'want', 'how', 'do', 'please',
]);

/** The query's words that carry meaning. */
export function queryWords(query: string): string[] {
  return normalizeWords(query.slice(0, 200)).filter((w) => !STOPWORDS.has(w)).slice(0, 12);
}

interface Phrase {
  words: string[];
  /** 3: name or keyword, 2: id, 1: area */
  weight: number;
  name: boolean;
}

function phrases(s: Service): Phrase[] {
  const out: Phrase[] = [];
  const add = (text: string, weight: number, name = false) => {
    const words = normalizeWords(text).filter((w) => !STOPWORDS.has(w));
    if (words.length > 0) out.push({ words, weight, name });
  };
  add(s.name.de, 3, true);
  add(s.name.en, 3, true);
  for (const k of [...(s.keywords?.de ?? []), ...(s.keywords?.en ?? [])]) add(k, 3);
  add(s.area.de, 1);
  add(s.area.en, 1);
  add(s.id, 2);
  return out;
}

/**
 * How well `words` match a set of phrases: the best match of each query word
 * (times the phrase's weight), a bonus for every query word found, and a
 * bonus for the longest name or keyword the query covers completely (so
 * "moving abroad" prefers the concern that lists exactly that). Names covered
 * more completely break ties ("personalausweis" prefers "Personalausweis
 * beantragen" to "Vorläufigen Personalausweis beantragen").
 */
function scorePhrases(words: string[], list: Phrase[], spelledRight: boolean[]): { score: number; matched: number } {
  // a typo match of a word that is spelt right elsewhere does not count (see rankServices)
  const score = (i: number, w: string) => {
    const x = wordScore(words[i]!, w);
    return spelledRight[i] && isTypoMatch(x) ? 0 : x;
  };
  let total = 0;
  let matched = 0;
  words.forEach((_, i) => {
    let best = 0;
    for (const p of list) for (const w of p.words) best = Math.max(best, score(i, w) * p.weight);
    if (best > 0) matched++;
    total += best;
  });
  if (matched === 0) return { score: 0, matched };
  let longest = 0;
  let nameCover = 0;
  for (const p of list) {
    if (p.weight < 3) continue;
    const quality = p.words.map((w) => Math.max(...words.map((_, i) => score(i, w))));
    const sum = quality.reduce((a, b) => a + b, 0);
    if (quality.every((x) => x > 0)) longest = Math.max(longest, sum * 0.8);
    if (p.name) nameCover = Math.max(nameCover, sum / p.words.length);
  }
  return { score: total + matched * 5 + longest + nameCover, matched };
}

export interface Scored {
  service: Service;
  score: number;
}

/** Services matching the query with their scores, best first. */
export function rankServices(services: Service[], query: string): Scored[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const indexed = services.map(phrases);
  // A word spelt exactly as (or a form of) a word in the catalogue is no typo:
  // "ummelden" is "Ummeldung", not a misspelt "anmelden". Its weak matches elsewhere are dropped.
  const spelledRight = words.map((q) => indexed.some((list) => list.some((p) => p.words.some((w) => wordScore(q, w) >= 9))));
  const scored: (Scored & { order: number })[] = [];
  services.forEach((service, order) => {
    const { score, matched } = scorePhrases(words, indexed[order]!, spelledRight);
    // most of the query must be found, and a lone weak (area-only) match is no match
    if (matched > 0 && matched >= Math.ceil(words.length / 2) && score >= 20) scored.push({ service, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  // Drop matches far behind the best: "pass abholen" should not list every concern with "pass".
  const top = scored[0]?.score ?? 0;
  return scored.filter((s) => s.score >= top * 0.35).map(({ service, score }) => ({ service, score }));
}

/** Services matching the query, best first. */
export function searchServices(services: Service[], query: string): Service[] {
  return rankServices(services, query).map((s) => s.service);
}

/** The "where to go instead" hint whose keyword the query names completely, if any. */
export function findRedirect(redirects: readonly FinderRedirect[], query: string): FinderRedirect | undefined {
  const words = queryWords(query);
  if (words.length === 0) return undefined;
  let best: { r: FinderRedirect; score: number } | undefined;
  for (const r of redirects) {
    for (const k of [...r.keywords.de, ...r.keywords.en]) {
      const kw = normalizeWords(k).filter((w) => !STOPWORDS.has(w));
      if (kw.length === 0) continue;
      const scores = kw.map((w) => Math.max(...words.map((q) => wordScore(q, w))));
      // redirects want the word itself, a form of it, or one typo in a longer word ("card" is no "car")
      if (scores.some((s, k) => s < 6 || (s < 7 && kw[k]!.length < 5))) continue;
      const score = scores.reduce((a, b) => a + b, 0);
      if (!best || score > best.score) best = { r, score };
    }
  }
  return best?.r;
}

export interface FinderResult {
  services: Service[];
  /** where to go instead, when the city's config names the query as something done elsewhere */
  redirect?: Text;
  /** the general "not offered here" text, when nothing matches and no redirect applies */
  notFound?: Text;
}

/** The finder's whole answer: matching concerns, and what to say when there are none. */
export function findServices(services: Service[], query: string, assistant?: Pick<Assistant, 'redirects' | 'notFound'>): FinderResult {
  const found = searchServices(services, query);
  const redirect = findRedirect(assistant?.redirects ?? [], query);
  // a redirect is shown beside any results too: "Kfz ummelden" is about cars, not Ummeldung
  const result: FinderResult = { services: found };
  if (redirect) result.redirect = redirect.text;
  else if (found.length === 0 && assistant?.notFound) result.notFound = assistant.notFound;
  return result;
}
