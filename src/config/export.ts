// Writes an OrgConfig as a config file (YAML) that reads back to the same
// config: validateConfig(parse(exportConfig(id, c))) deep-equals c.
// Every setting is written out, defaults included, so the file shows what is
// in force; times, dates and anything starting with a digit are quoted so
// that no YAML reader (1.1 ones included) takes them for numbers or dates.

import { Document, visit, type Node, type YAMLMap } from 'yaml';
import type { Assistant, AssistantAnswer, AssistantQuestion, Block, Closure, ExtraHours, HoursRule, Office, OrgConfig, Service, Text, TextList } from '../domain/types.ts';
import { ORGANIZATION_PAGES } from './schema.ts';

const SHORT = 70;

export function exportConfig(orgId: string, config: OrgConfig): string {
  const doc = new Document();
  const node = (v: unknown, flow = false): Node => {
    const n = doc.createNode(v) as Node & { flow?: boolean };
    if (flow) n.flow = true;
    return n;
  };
  const short = (v: unknown) => JSON.stringify(v).length <= SHORT;

  /** A plain string when both languages agree, else { de, en }. */
  const text = (t: Text): unknown => (t.de === t.en ? t.de : node({ de: t.de, en: t.en }, short(t) && !/\n/.test(t.de + t.en)));
  const list = (items: string[]): Node => node(items, short(items));
  const textList = (t: TextList): unknown =>
    sameList(t.de, t.en) ? list(t.de) : node({ de: list(t.de), en: list(t.en) });

  const org = config.organization as OrgConfig['organization'] & Partial<Record<string, Text>>;
  const organization = defined({
    id: orgId,
    name: org.name,
    timezone: org.timezone,
    holidays: org.holidays,
    defaultLocale: org.defaultLocale,
    publicUrl: org.publicUrl,
    retentionDays: org.retentionDays,
    ...Object.fromEntries(ORGANIZATION_PAGES.map((k) => [k, org[k] ? text(org[k]) : undefined])),
  });

  const service = (s: Service) => defined({
    id: s.id,
    name: text(s.name),
    area: text(s.area),
    minutes: s.minutes,
    maxQuantity: s.maxQuantity,
    documents: s.documents.de.length + s.documents.en.length > 0 ? textList(s.documents) : undefined,
    fee: s.fee ? text(s.fee) : undefined,
    keywords: s.keywords ? textList(s.keywords) : undefined,
    leika: s.leika,
  });

  const hours = (h: HoursRule) => defined({
    days: node(h.days, true),
    from: h.from,
    to: h.to,
    counters: h.counters,
    online: h.online,
    phone: h.phone,
    validFrom: h.validFrom,
    validTo: h.validTo,
  });

  const closure = (c: Closure) => defined({
    ...(c.from === c.to ? { date: c.from } : { from: c.from, to: c.to }),
    fromTime: c.fromTime,
    toTime: c.toTime,
    reason: c.reason ? text(c.reason) : undefined,
  });

  const block = (b: Block) => defined({
    ...(b.from === b.to ? { date: b.from } : { from: b.from, to: b.to }),
    fromTime: b.fromTime,
    toTime: b.toTime,
    counters: b.counters,
    reason: b.reason ? text(b.reason) : undefined,
  });

  const extra = (e: ExtraHours) => ({
    date: e.date,
    from: e.from,
    to: e.to,
    counters: e.counters,
    online: e.online,
    phone: e.phone,
  });

  const office = (o: Office) => defined({
    id: o.id,
    name: o.name,
    address: o.address,
    phone: o.phone,
    email: o.email,
    slotMinutes: o.slotMinutes,
    services: list(o.services),
    booking: defined({
      leadMinutes: o.booking.leadMinutes,
      horizonDays: o.booking.horizonDays,
      releaseTime: o.booking.releaseTime,
      holdMinutes: o.booking.holdMinutes,
      maxActivePerEmail: o.booking.maxActivePerEmail,
      cancelUntilMinutes: o.booking.cancelUntilMinutes,
      maxServices: o.booking.maxServices,
      confirmByEmail: o.booking.confirmByEmail,
      confirmMinutes: o.booking.confirmMinutes,
      reminderHours: o.booking.reminderHours,
      noShowGraceMinutes: o.booking.noShowGraceMinutes,
    }),
    hours: o.hours.map(hours),
    closures: o.closures.length > 0 ? o.closures.map(closure) : undefined,
    extraHours: o.extraHours.length > 0 ? o.extraHours.map(extra) : undefined,
    blocks: o.blocks?.length ? o.blocks.map(block) : undefined,
    queue: o.queue ? {
      desks: o.queue.desks.map((d) => ({ id: d.id, name: d.name })),
      checkInBeforeMinutes: o.queue.checkInBeforeMinutes,
      checkInAfterMinutes: o.queue.checkInAfterMinutes,
      lateGraceMinutes: o.queue.lateGraceMinutes,
      walkIns: o.queue.walkIns,
      kiosk: o.queue.kiosk,
    } : undefined,
  });

  const answer = (x: AssistantAnswer) => defined({
    label: text(x.label),
    next: x.next,
    services: x.services ? node(x.services.map((r) => ({ id: r.id, quantity: r.quantity })), short(x.services)) : undefined,
    hint: x.hint ? text(x.hint) : undefined,
  });
  const question = (q: AssistantQuestion) => defined({
    id: q.id,
    text: text(q.text),
    hint: q.hint ? text(q.hint) : undefined,
    answers: q.answers.map(answer),
  });
  const assistant = (a: Assistant) => defined({
    start: a.start,
    questions: a.questions.length > 0 ? a.questions.map(question) : undefined,
    notFound: a.notFound ? text(a.notFound) : undefined,
    redirects: a.redirects.length > 0 ? a.redirects.map((r) => ({ keywords: textList(r.keywords), text: text(r.text) })) : undefined,
  });

  doc.contents = doc.createNode(defined({
    organization,
    services: config.services.map(service),
    offices: config.offices.map(office),
    assistant: config.assistant ? assistant(config.assistant) : undefined,
  })) as YAMLMap;
  doc.commentBefore = ' Amtszeit organization config. Reference: docs/config.md\n Load with: amtszeit config import FILE';

  // a blank line before each top-level section and each service and office
  for (const pair of (doc.contents as YAMLMap).items) {
    const key = pair.key as Node;
    if (pair !== (doc.contents as YAMLMap).items[0]) key.spaceBefore = true;
  }
  visit(doc, {
    Seq(_, seq, path) {
      if (path.length === 3) seq.items.forEach((item, i) => { if (i > 0) (item as Node).spaceBefore = true; });
      return undefined;
    },
    Scalar(key, scalar) {
      if (key !== 'key' && typeof scalar.value === 'string' && needsQuotes(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
    },
  });

  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: true });
}

/** Strings some YAML reader might take for a number, date, time or boolean. */
function needsQuotes(s: string): boolean {
  return /^[0-9+.-]/.test(s) || /^(y|n|yes|no|true|false|on|off|null|~)$/i.test(s);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

