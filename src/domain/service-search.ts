// Finds concerns by everyday words: umlauts written as ae/oe/ue, ß as ss,
// prefixes ("perso"), small typos ("reisepas"), in German and English.
import type { Service } from './types.ts';

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
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function allowedTypos(word: string): number {
  return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** How well one query word matches one indexed word (0: not at all). */
function wordScore(q: string, w: string): number {
  if (q === w) return 10;
  if (w.startsWith(q) && q.length >= 3) return 7;
  if (q.length >= 4 && w.includes(q)) return 5; // part of a compound: "ausweis" in "personalausweis"
  const typos = allowedTypos(q);
  if (typos > 0) {
    if (editDistance(q, w, typos) <= typos) return 6;
    // a mistyped prefix: "reisepas" ~ "reisepass", "fuehrungszeug" ~ "fuehrungszeugnis"
    if (w.length > q.length && editDistance(q, w.slice(0, q.length), typos) <= typos - (q.length < 8 ? 0 : 1)) return 4;
  }
  return 0;
}

interface Indexed {
  service: Service;
  fields: { words: string[]; weight: number }[];
}

function index(s: Service): Indexed {
  const kw = s.keywords ? [...s.keywords.de, ...s.keywords.en] : [];
  return {
    service: s,
    fields: [
      { words: normalizeWords(`${s.name.de} ${s.name.en}`), weight: 3 },
      { words: normalizeWords(kw.join(' ')), weight: 3 },
      { words: normalizeWords(`${s.area.de} ${s.area.en}`), weight: 1 },
      { words: normalizeWords(s.id), weight: 2 },
    ],
  };
}

const STOPWORDS = new Set(['ich', 'mein', 'meine', 'meinen', 'ein', 'eine', 'einen', 'der', 'die', 'das', 'fuer', 'und', 'ist', 'a', 'an', 'the', 'my', 'i', 'for', 'to', 'of', 'and', 'neu', 'neuen', 'new']);

/** Services matching the query, best first; each query word must match something. */
export function searchServices(services: Service[], query: string): Service[] {
  const words = normalizeWords(query).filter((w) => !STOPWORDS.has(w));
  if (words.length === 0) return [];
  const scored: { service: Service; score: number; order: number }[] = [];
  services.map(index).forEach((ix, order) => {
    let total = 0;
    let matched = 0;
    for (const q of words) {
      let best = 0;
      for (const f of ix.fields) for (const w of f.words) best = Math.max(best, wordScore(q, w) * f.weight);
      if (best > 0) matched++;
      total += best;
    }
    if (matched > 0 && matched >= Math.ceil(words.length / 2)) scored.push({ service: ix.service, score: total + matched * 5, order });
  });
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map((x) => x.service);
}
