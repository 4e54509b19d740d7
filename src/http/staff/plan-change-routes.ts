// The pages that change an office's days (a closure, a block): form, preview
// with a choice per stranded appointment, apply, then Post/Redirect/Get to the
// result page. Leads and admins of the office only; everyone else gets 404.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import type { Choice, Choices, PlanApplied, PlanPreview } from '../../app/staff/plan-change.ts';
import type { StaffUser } from '../../app/staff/access.ts';
import type { Locale } from '../../domain/types.ts';
import { parseDateInput } from '../../domain/date-input.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { PlanChangePage, type PlanForm, type PlanKindOfPage } from '../views/staff/plan-change-page.tsx';
import { plansTexts } from '../views/staff/plans-texts.ts';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

const CHOICES: readonly Choice[] = ['move', 'cancel', 'keep'];

export function readPlanForm(src: Record<string, string>): PlanForm {
  const s = (k: string, max = 300) => (src[k] ?? '').trim().slice(0, max);
  // dates as typed (03.12.2026) or as a date picker sends them (2026-12-03); anything else stays as typed for the error
  const day = (k: string) => parseDateInput(s(k)) ?? s(k);
  return { office: s('office'), from: day('from'), to: day('to') || day('from'), fromTime: s('fromTime'), toTime: s('toTime'), reason: s('reason'), counters: s('counters', 10) };
}

/** Per-appointment choices from the form: `c_REF` = move|cancel|keep, `t_REF` = the suggested time shown. */
export function readChoices(body: Record<string, string>): Choices {
  const out: Choices = new Map();
  for (const [k, v] of Object.entries(body)) {
    if (!k.startsWith('c_') || !CHOICES.includes(v as Choice)) continue;
    const ref = k.slice(2, 22);
    out.set(ref, { choice: v as Choice, startsAt: body[`t_${ref}`]?.slice(0, 40) });
  }
  return out;
}

/** The result page's address: the record of the outcomes by its id (the page reads them from the server). */
export function outcomeUrl(office: string, r: PlanApplied): string {
  return `/staff/plaene/ergebnis?office=${encodeURIComponent(office)}&id=${encodeURIComponent(r.outcomeId ?? '')}`;
}

type Run = (user: StaffUser, form: PlanForm, locale: Locale, step: { apply: false } | { apply: true; choices: Choices }) =>
  Promise<{ applied: false; preview: PlanPreview & { counterCap?: number } } | { applied: true; result: PlanApplied }>;

export function registerPlanChangeRoute(app: FastifyInstance, { ctx, write }: StaffDeps, page: { path: string; kind: PlanKindOfPage; run: Run }): void {
  const officeName = async (id: string) => (await ctx.catalog()).offices.get(id)?.name ?? id;

  app.get(page.path, async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const form = readPlanForm(query(req));
    if (user.role === 'clerk' || !userOffices(user, catalog).includes(form.office)) throw new DomainError('not_found');
    const { frame } = staffEnv(req, reply);
    return sendPage(reply, PlanChangePage({
      frame, kind: page.kind, action: page.path, officeName: await officeName(form.office), form, errors: [], preview: null, chosen: new Map(),
    }));
  });

  app.post(page.path, { ...write, preHandler: app.csrfProtection }, async (req, reply: FastifyReply) => {
    const user = userOf(req);
    const body = formBody(req);
    const form = readPlanForm(body);
    const { locale, t, frame } = staffEnv(req, reply);
    const p = plansTexts(locale);
    const apply = body.step === 'apply';
    try {
      if (apply) {
        const r = await page.run(user, form, locale, { apply: true, choices: readChoices(body) });
        if (!r.applied) throw new Error('not applied');
        return redirect(reply, outcomeUrl(form.office, r.result));
      }
      const r = await page.run(user, form, locale, { apply: false });
      if (r.applied) throw new Error('applied in a preview');
      const posted = readChoices(body);
      const all = CHOICES.includes(body.all as Choice) ? (body.all as Choice) : null;
      const chosen = new Map(r.preview.affected.map((a) => [a.reference, all ?? posted.get(a.reference)?.choice ?? 'keep'] as const));
      return sendPage(reply, PlanChangePage({
        frame, kind: page.kind, action: page.path, officeName: await officeName(form.office), form, errors: [], preview: r.preview, chosen,
      }));
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'validation') throw e;
      const fields = e.details.fields ?? {};
      const message = (id: string, key: string) => id === 'reason' ? t.appt.reasonRequired : id === 'toTime' ? t.closure.invalidTime
        : id === 'counters' ? p.block.invalidCounters : key === 'date.past' ? p.form.pastDate : t.closure.invalidDate;
      const errors = Object.entries(fields).map(([id, f]) => ({ id, message: message(id, f.key) }));
      return sendPage(reply, PlanChangePage({
        frame, kind: page.kind, action: page.path, officeName: await officeName(form.office), form, errors, preview: null, chosen: new Map(),
      }), 400);
    }
  });
}
