// The pages that change an office's days (a closure, a block): form, preview
// with a choice per stranded appointment, apply, then Post/Redirect/Get to the
// result page. Leads and admins of the office only; everyone else gets 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import type { Choices, PickTime, PlanApplied, PlanPreview } from '../../app/staff/plan-change.ts';
import type { StaffUser } from '../../app/staff/access.ts';
import type { Locale } from '../../domain/types.ts';
import { parseDateInput } from '../../domain/date-input.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { PlanChangePage, type PlanForm, type PlanKindOfPage } from '../views/staff/plan-change-page.tsx';
import { plansTexts } from '../views/staff/plans-texts.ts';
import { StrandedPickPage } from '../views/staff/stranded-pick-page.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';
import { choiceFields, nextPick, readPickSearch, readRowChoices, takePick, toChoices, type RowChoice } from './stranded-form.ts';

const ALL = ['move', 'cancel', 'keep'] as const;

export function readPlanForm(src: Record<string, string>): PlanForm {
  const s = (k: string, max = 300) => (src[k] ?? '').trim().slice(0, max);
  // dates as typed (03.12.2026) or as a date picker sends them (2026-12-03); anything else stays as typed for the error
  const day = (k: string) => parseDateInput(s(k)) ?? s(k);
  return { office: s('office'), from: day('from'), to: day('to') || day('from'), fromTime: s('fromTime'), toTime: s('toTime'), reason: s('reason'), counters: s('counters', 10) };
}

/**
 * Per-appointment choices from the form: `c_REF` = move|pick|cancel|keep, `t_REF` = the suggested
 * time shown, `p_REF` = the time picked in the calendar (see stranded-form.ts).
 */
export function readChoices(body: Record<string, string>): Choices {
  return toChoices(readRowChoices(body));
}

/** The result page's address: the record of the outcomes by its id (the page reads them from the server). */
export function outcomeUrl(office: string, r: PlanApplied): string {
  return `/staff/plaene/ergebnis?office=${encodeURIComponent(office)}&id=${encodeURIComponent(r.outcomeId ?? '')}`;
}

type Run = (user: StaffUser, form: PlanForm, locale: Locale, step: { apply: false; pick?: PickTime } | { apply: true; choices: Choices }) =>
  Promise<{ applied: false; preview: PlanPreview & { counterCap?: number } } | { applied: true; result: PlanApplied }>;

/** The plan's form as hidden fields (a block's counters only for blocks). */
const planFields = (form: PlanForm, kind: PlanKindOfPage): Record<string, string> =>
  Object.fromEntries(Object.entries(form).filter(([k]) => kind === 'block' || k !== 'counters'));

export function registerPlanChangeRoute(app: FastifyInstance, { ctx, write }: StaffDeps, page: { path: string; kind: PlanKindOfPage; run: Run }): void {
  const officeName = async (id: string) => (await ctx.catalog()).offices.get(id)?.name ?? id;
  const pickPath = `${page.path}/zeit`;

  /** The form with the period's problems at their fields (400). */
  async function invalid(req: FastifyRequest, reply: FastifyReply, form: PlanForm, e: DomainError) {
    const { locale, t, frame } = staffEnv(req, reply);
    const p = plansTexts(locale);
    const fields = e.details.fields ?? {};
    const message = (id: string, key: string) => id === 'reason' ? t.appt.reasonRequired : id === 'toTime' ? t.closure.invalidTime
      : id === 'counters' ? p.block.invalidCounters : key === 'date.past' ? p.form.pastDate : t.closure.invalidDate;
    const errors = Object.entries(fields).map(([id, f]) => ({ id, message: message(id, f.key) }));
    return sendPage(reply, PlanChangePage({
      frame, kind: page.kind, action: page.path, officeName: await officeName(form.office), form, errors, preview: null, chosen: new Map(),
    }), 400);
  }

  /** The calendar for one stranded appointment (`ref`), the plan and every row's choice carried along. */
  async function pickPage(
    req: FastifyRequest, reply: FastifyReply, form: PlanForm, rows: Map<string, RowChoice>, ref: string,
    src: Record<string, string>, error?: 'choose',
  ) {
    const user = userOf(req);
    const { locale, t, frame } = staffEnv(req, reply);
    const search = readPickSearch(src);
    const r = await page.run(user, form, locale, { apply: false, pick: { reference: ref, search: { date: search.date ?? undefined, part: search.part, month: search.month } } });
    if (r.applied || !r.preview.picking) throw new Error('no pick');
    const pending = [...rows].filter(([k, v]) => k !== ref && v.c === 'calendar').length;
    return sendPage(reply, StrandedPickPage({
      frame, appointment: r.preview.picking.appointment, found: r.preview.picking.found, search,
      state: { ...planFields(form, page.kind), ...choiceFields(rows) }, postAction: page.path, getAction: pickPath, pending,
      error: error ? t.bookPage.chooseTime : undefined, dayError: search.date === null ? t.bookPage.dayInvalid : undefined,
    }), error || search.date === null ? 400 : 200);
  }

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

  // the calendar step as a bookmarkable GET: the month and day links carry the whole form
  app.get(pickPath, async (req, reply) => {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const src = query(req);
    const form = readPlanForm(src);
    if (user.role === 'clerk' || !userOffices(user, catalog).includes(form.office)) throw new DomainError('not_found');
    const rows = readRowChoices(src);
    const ref = (src.fuer ?? '').slice(0, 20);
    if (!rows.has(ref)) rows.set(ref, { c: 'calendar' });
    try {
      return await pickPage(req, reply, form, rows, ref, src);
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'validation') throw e;
      return invalid(req, reply, form, e);
    }
  });

  app.post(page.path, { ...write, preHandler: app.csrfProtection }, async (req, reply: FastifyReply) => {
    const user = userOf(req);
    const body = formBody(req);
    const form = readPlanForm(body);
    const { locale, frame } = staffEnv(req, reply);
    const rows = readRowChoices(body);
    try {
      // a time taken from the calendar (or none): back to the preview, or on to the next calendar
      if (takePick(rows, body) === 'choose') return await pickPage(req, reply, form, rows, body.fuer!.slice(0, 20), body, 'choose');
      const pending = body.step === 'apply' || body.step === 'pick' ? nextPick(rows) : undefined;
      if (pending) return await pickPage(req, reply, form, rows, pending, {});
      if (body.step === 'apply') {
        const r = await page.run(user, form, locale, { apply: true, choices: toChoices(rows) });
        if (!r.applied) throw new Error('not applied');
        return redirect(reply, outcomeUrl(form.office, r.result));
      }
      const r = await page.run(user, form, locale, { apply: false });
      if (r.applied) throw new Error('applied in a preview');
      const all = ALL.find((x) => x === body.all);
      const chosen = new Map<string, RowChoice>(r.preview.affected.map((a) => {
        const row = rows.get(a.reference);
        return [a.reference, all ? { ...row, c: all } : row ?? { c: 'keep' }];
      }));
      return sendPage(reply, PlanChangePage({
        frame, kind: page.kind, action: page.path, officeName: await officeName(form.office), form, errors: [], preview: r.preview, chosen,
      }));
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'validation') throw e;
      return invalid(req, reply, form, e);
    }
  });
}
