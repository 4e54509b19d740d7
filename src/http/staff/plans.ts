// When plans change: blocking time (fewer counters), the list of upcoming
// closures and blocks with removal (after a confirmation), and the result page
// of a closure or block. Leads and admins of the office; everyone else 404.
import type { FastifyInstance } from 'fastify';
import { blockTime } from '../../app/staff/block-time.ts';
import { getPlanOutcome } from '../../app/staff/get-plan-outcome.ts';
import { listPlans } from '../../app/staff/list-plans.ts';
import { findPlan, removePlan } from '../../app/staff/remove-plan.ts';
import { userOffices } from '../../app/staff/access.ts';
import { DomainError } from '../../domain/errors.ts';
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

  // the result of a closure or block, and its call list alone for printing
  for (const [path, Page] of [['/staff/plaene/ergebnis', PlanResultPage], ['/staff/plaene/anrufliste', CallListPage]] as const) {
    app.get(path, async (req, reply) => {
      const user = userOf(req);
      const catalog = await ctx.catalog();
      const q = query(req);
      const officeId = q.office ?? '';
      if (user.role === 'clerk' || !userOffices(user, catalog).includes(officeId)) throw new DomainError('not_found');
      const { frame } = staffEnv(req, reply);
      const outcome = await getPlanOutcome(ctx, user, { office: officeId, id: q.id ?? '' });
      return sendPage(reply, Page({ frame, office: { id: officeId, name: catalog.offices.get(officeId)?.name ?? officeId }, id: q.id ?? '', ...outcome }));
    });
  }
}
