// My account (/staff/konto, every staff member): change the own password
// (other sessions end), list, create (shown once, in the answer to the POST)
// and revoke the own API tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import { changeOwnPassword } from '../../app/staff/change-own-password.ts';
import { createApiToken } from '../../app/staff/create-api-token.ts';
import { listTokensOf } from '../../app/staff/list-api-tokens.ts';
import { revokeApiToken } from '../../app/staff/revoke-api-token.ts';
import { actorOf } from '../../app/staff/admin-access.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { AccountPage } from '../views/staff/account-page.tsx';
import type { FormError } from '../views/staff/admin-parts.tsx';
import { adminTexts } from '../views/staff/admin-texts.ts';
import { formErrors, param, when } from './admin-forms.ts';
import type { StaffDeps } from './plugin.ts';
import { query, STAFF_COOKIE, staffEnv, userOf } from './staff-page.ts';
import { clip } from '../clip.ts';

export function registerAccountRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  async function page(req: FastifyRequest, reply: FastifyReply, opts: { errors?: FormError[]; label?: string; newToken?: string; status?: number } = {}) {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const tz = catalog.config.organization.timezone;
    const tokens = await listTokensOf(ctx, user, { userId: user.id });
    const { frame, locale } = staffEnv(req, reply);
    const a = adminTexts(locale);
    const q = query(req);
    const notice = opts.status ? undefined : q.ok === 'password' ? a.account.changed(Number(q.ended) || 0) : q.ok === 'revoked' ? a.account.tokenRevoked : undefined;
    const mine = userOffices(user, catalog).map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id }));
    return sendPage(reply, AccountPage({
      frame, errors: opts.errors ?? [], label: opts.label ?? '', newToken: opts.newToken, notice,
      user: { name: user.name, email: user.email, role: user.role, offices: user.role === 'admin' ? a.common.allOffices : mine.map((o) => o.name).join(', ') },
      tokens: tokens.map((t) => ({ id: t.id, label: t.label, created: when(t.createdAt, tz) ?? '', lastUsed: when(t.lastUsedAt, tz) })),
      admin: user.role === 'admin',
      feedOffices: user.role === 'clerk' ? [] : mine,
    }), opts.status ?? 200);
  }

  app.get('/staff/konto', async (req, reply) => page(req, reply));

  app.post('/staff/konto/passwort', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const b = formBody(req);
    try {
      const r = await changeOwnPassword(ctx, userOf(req), {
        current: b.current ?? '', next: b.next ?? '', confirm: b.confirm ?? '', sessionId: req.cookies[STAFF_COOKIE],
      });
      return redirect(reply, `/staff/konto?ok=password&ended=${r.sessionsEnded}`);
    } catch (e) {
      return page(req, reply, { errors: formErrors(e, adminTexts(staffEnv(req, reply).locale)), status: 400 });
    }
  });

  app.post('/staff/konto/schluessel', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const label = clip(formBody(req).label ?? '', 300);
    try {
      const token = await createApiToken(ctx, { email: user.email, label: label.length > 100 ? '' : label, actor: actorOf(user) });
      return page(req, reply, { newToken: token });
    } catch (e) {
      return page(req, reply, { errors: formErrors(e, adminTexts(staffEnv(req, reply).locale)), label, status: 400 });
    }
  });

  app.post('/staff/konto/schluessel/:token/widerrufen', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    await revokeApiToken(ctx, user, { userId: user.id, tokenId: param(req, 'token') });
    return redirect(reply, '/staff/konto?ok=revoked');
  });
}
