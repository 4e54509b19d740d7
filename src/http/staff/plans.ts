// When plans change: blocking time (fewer counters), the list of upcoming
// closures and blocks with removal (after a confirmation), and the result page
// of a closure or block. Leads and admins of the office; everyone else 404.
import type { FastifyInstance } from 'fastify';
import { blockTime } from '../../app/staff/block-time.ts';
import { getPlanOutcome, onCallList } from '../../app/staff/get-plan-outcome.ts';
import { NOTE_MAX, recordContact } from '../../app/staff/record-contact.ts';
import type { StaffUser } from '../../app/staff/access.ts';
import { reached } from '../../domain/call-state.ts';
import type { CallProblem } from '../views/staff/call-tick.tsx';
import { callTexts } from '../views/staff/call-texts.ts';
import { listPlans } from '../../app/staff/list-plans.ts';
import { findPlan, removePlan } from '../../app/staff/remove-plan.ts';
import { userOffices } from '../../app/staff/access.ts';
import { DomainError, isDomainError } from '../../domain/errors.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { PlanRemovePage, PlansListPage } from '../views/staff/plans-list-page.tsx';
import { CallListPage, PlanResultPage } from '../views/staff/plan-result-page.tsx';
import type { StaffDeps } from './plugin.ts';
import { registerPlanChangeRoute } from './plan-change-routes.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

export function registerPlanRoutes(app: FastifyInstance, deps: StaffDeps): void {
  const { ctx, write } = deps;
  registerPlanChangeRoute(app, deps, {
    path: '/staff/sperren', kind: 'block',
    run: (user, form, locale, step) => blockTime(ctx, user, {
      office: form.office, from: form.from, to: form.to, fromTime: form.fromTime || undefined, toTime: form.toTime || undefined,
      counters: form.counters, reason: form.reason, locale, ...step,
    }),
  });

  app.get('/staff/plaene', async (req, reply) => {
    const user = userOf(req);
    const q = query(req);
    const { locale, frame } = staffEnv(req, reply);
    const office = q.office ?? userOffices(user, await ctx.catalog())[0] ?? '';
    const plans = await listPlans(ctx, user, { office, locale });
    return sendPage(reply, PlansListPage({ frame, ...plans, removed: q.removed === '1' }));
  });

  app.get('/staff/plaene/entfernen', async (req, reply) => {
    const user = userOf(req);
    const q = query(req);
    const { locale, frame } = staffEnv(req, reply);
    const entry = await findPlan(ctx, user, { office: q.office ?? '', kind: q.kind ?? '', key: q.key ?? '', locale });
    const name = (await ctx.catalog()).offices.get(q.office ?? '')?.name ?? '';
    return sendPage(reply, PlanRemovePage({ frame, office: { id: q.office!, name }, entry }));
  });

  app.post('/staff/plaene/entfernen', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const body = formBody(req);
    const { locale } = staffEnv(req, reply);
    await removePlan(ctx, user, { office: body.office ?? '', kind: body.kind ?? '', key: body.key ?? '', locale });
    return redirect(reply, `/staff/plaene?office=${encodeURIComponent(body.office ?? '')}&removed=1`);
  });

  /** The result page or the call list alone: after a call was recorded (`erreicht=REF`) with a notice; with a form's problem. */
  async function outcomePage(req: FastifyRequest, reply: FastifyReply, page: 'ergebnis' | 'anrufliste', src: Record<string, string>, problem?: CallProblem) {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const officeId = src.office ?? '';
    if (user.role === 'clerk' || !userOffices(user, catalog).includes(officeId)) throw new DomainError('not_found');
    const { frame, locale } = staffEnv(req, reply);
    // a form sent back: the language switch leads to the same list, not to the day view
    if (req.method !== 'GET') frame.langUrl = `/staff/plaene/${page}?office=${encodeURIComponent(officeId)}&id=${encodeURIComponent(src.id ?? '')}&lang=${locale === 'de' ? 'en' : 'de'}`;
    const outcome = await getPlanOutcome(ctx, user, { office: officeId, id: src.id ?? '' });
    const ticked = problem ? undefined : outcome.items.find((i) => onCallList(i) && i.reference === src.erreicht);
    const saved = ticked?.call ? { name: ticked.name ?? '', reached: reached(ticked.call) } : undefined;
    const Page = page === 'ergebnis' ? PlanResultPage : CallListPage;
    return sendPage(reply, Page({
      frame, office: { id: officeId, name: catalog.offices.get(officeId)?.name ?? officeId }, id: src.id ?? '', ...outcome, saved, problem,
    }), problem ? 400 : 200);
  }

  // the result of a closure or block, and its call list alone for printing
  app.get('/staff/plaene/ergebnis', async (req, reply) => outcomePage(req, reply, 'ergebnis', query(req)));
  app.get('/staff/plaene/anrufliste', async (req, reply) => outcomePage(req, reply, 'anrufliste', query(req)));

  // a call ticked off: reached, or not (to try again), with a note; only for someone on this call list
  app.post('/staff/plaene/anrufliste', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const body = formBody(req);
    const { locale } = staffEnv(req, reply);
    const back = body.back === 'ergebnis' ? 'ergebnis' : 'anrufliste';
    const office = body.office ?? '';
    const outcome = await onTheList(user, office, body.id ?? '', body.reference ?? '');
    try {
      await recordContact(ctx, user, { reference: outcome.reference, result: body.result ?? '', note: body.note ?? '' });
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'validation') throw e;
      return outcomePage(req, reply, back, body, callProblem(outcome.reference, e, body, locale));
    }
    const q = `office=${encodeURIComponent(office)}&id=${encodeURIComponent(body.id ?? '')}&erreicht=${encodeURIComponent(outcome.reference)}`;
    return redirect(reply, `/staff/plaene/${back}?${q}#anruf-${encodeURIComponent(outcome.reference)}`);
  });

  /** The call list's entry of `reference` in record `id` of the office; not_found unless the citizen is on that call list. */
  async function onTheList(user: StaffUser, office: string, id: string, reference: string) {
    const outcome = await getPlanOutcome(ctx, user, { office, id });
    const item = outcome.items.find((i) => onCallList(i) && i.reference === reference.trim().toUpperCase());
    if (!item) throw new DomainError('not_found');
    return item;
  }
}

/** A call form's problems in words, with what was typed. */
export function callProblem(reference: string, e: DomainError, body: Record<string, string>, locale: 'de' | 'en'): CallProblem {
  const c = callTexts(locale);
  const fields = e.details.fields ?? {};
  const errors: CallProblem['errors'] = [];
  if (fields.result) errors.push({ field: 'result', message: c.chooseResult });
  if (fields.note) errors.push({ field: 'note', message: c.noteTooLong(NOTE_MAX) });
  return { reference, errors, result: body.result, note: (body.note ?? '').slice(0, 2 * NOTE_MAX) };
}
