// The forms of a page, read from its HTML (action, method, fields with their
// values and choices), and fuzzed submissions of them: each field kept, given
// another of its choices, a hostile value, sent twice, or left out, and now
// and then a field the form does not have. The CSRF token stays valid (the
// session puts it in), so the request reaches the route.
import fc from 'fast-check';
import { formBody, type Actor, type FuzzRequest } from './request.ts';
import { hostileShortString, ODD_DATES, ODD_INSTANTS, sometimes } from './values.ts';

export interface FormField {
  name: string;
  type: string;
  /** the values the page offers: the field's value, a select's options, each radio's value */
  values: string[];
}

export interface Form {
  page: string;
  action: string;
  method: 'GET' | 'POST';
  fields: FormField[];
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'", '#39': "'", '#x27': "'" };
const unescape = (s: string) => s.replace(/&(amp|quot|lt|gt|apos|#39|#x27);/g, (_, e: string) => ENTITIES[e]);

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) out[m[1].toLowerCase()] = unescape(m[2] ?? '');
  return out;
}

/** Every form on the page; `page` is the page's own address (an empty action posts there). */
export function parseForms(html: string, page: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(m[1]);
    const fields = new Map<string, FormField>();
    const add = (name: string | undefined, type: string, value: string | undefined) => {
      if (!name) return;
      const f = fields.get(name) ?? { name, type, values: [] };
      if (value !== undefined && !f.values.includes(value)) f.values.push(value);
      fields.set(name, f);
    };
    const body = m[2];
    for (const t of body.matchAll(/<(input|textarea|button)\b([^>]*)>/gi)) {
      const a = attributes(t[2]);
      add(a.name, t[1].toLowerCase() === 'input' ? (a.type ?? 'text') : t[1].toLowerCase(), a.value ?? '');
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attributes(s[1]).name;
      for (const o of s[2].matchAll(/<option\b([^>]*)>([^<]*)/gi)) add(name, 'select', attributes(o[1]).value ?? unescape(o[2]));
    }
    forms.push({
      page,
      action: attrs.action ? attrs.action : page,
      method: (attrs.method ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
      fields: [...fields.values()].filter((f) => f.name !== '_csrf'),
    });
  }
  return forms;
}

/** A value for a field: one the page offers, or one that fits its name, or a hostile one. */
function fieldValue(f: FormField): fc.Arbitrary<string> {
  const offered = f.values.filter((v) => v !== '');
  const typed = /date|tag|von|bis|from|to$/i.test(f.name) || f.type === 'date'
    ? fc.constantFrom(...ODD_DATES)
    : /startsAt|zeit|time/i.test(f.name) ? fc.constantFrom(...ODD_INSTANTS)
      : /anzahl|count|counters|online|phone|minutes|quantity|max/i.test(f.name) || f.type === 'number'
        ? fc.constantFrom('0', '1', '2', '-1', '1.5', '999999999999', '1e3', '')
        : /mail/i.test(f.name) ? fc.constantFrom('anna@example.org', 'a@b', 'a\u0000b@example.org', '@', 'x'.repeat(300) + '@example.org')
          : fc.constant('');
  return fc.oneof(
    { weight: 4, arbitrary: offered.length > 0 ? fc.constantFrom(...offered) : fc.constant('') },
    { weight: 2, arbitrary: typed },
    { weight: 3, arbitrary: hostileShortString },
  );
}

type Part = { name: string; values: string[] };

/** A submission of the form with fuzzed values, sent by `as` (its CSRF token and cookies). */
export function formRequest(form: Form, as: Actor): fc.Arbitrary<FuzzRequest> {
  const parts: fc.Arbitrary<Part | null>[] = form.fields.map((f) =>
    fc.oneof(
      { weight: 8, arbitrary: fieldValue(f).map((v) => ({ name: f.name, values: [v] })) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.tuple(fieldValue(f), fieldValue(f)).map(([a, b]) => ({ name: f.name, values: [a, b] })) },
    ));
  const extra = sometimes(fc.tuple(fc.oneof(hostileShortString, fc.constantFrom('_csrf', 'office', 'token', 'lang', '__proto__')), hostileShortString), 0.15);
  const rawTail = sometimes(fc.constantFrom('&%zz=1', '&a=%E0%A4%A', '&%00=%00', '&&&', '&=', '&a'), 0.1);
  return fc.tuple(fc.tuple(...parts), extra, rawTail, fc.boolean()).map(([fields, more, tail, html]): FuzzRequest => {
    const pairs: [string, string][] = [];
    for (const p of fields) if (p) for (const v of p.values) pairs.push([p.name, v]);
    if (more) pairs.push(more);
    const body = formBody(pairs) + (tail ?? '');
    if (form.method === 'GET') {
      const sep = form.action.includes('?') ? '&' : '?';
      return { method: 'GET', url: `${form.action}${body ? sep + body : ''}`, headers: { accept: html ? 'text/html' : '*/*' }, as };
    }
    return {
      method: 'POST', url: form.action, body, as, csrf: true,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    };
  });
}

/** Links to other pages of the same area (for the staff crawl). */
export function links(html: string, prefix: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/href="([^"]+)"/g)) {
    const href = unescape(m[1]).split('#')[0];
    if (href.startsWith(prefix)) out.add(href);
  }
  return [...out];
}
