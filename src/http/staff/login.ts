// Login and logout. A successful login sets a new session cookie (fresh id);
// failures are throttled per account and IP (app/staff/log-in.ts).
import type { FastifyInstance } from 'fastify';
import { logIn } from '../../app/staff/log-in.ts';
import { logOut } from '../../app/staff/log-out.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { LoginPage } from '../views/staff/login-page.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, safeNext, STAFF_COOKIE, staffEnv } from './staff-page.ts';

export function registerLoginRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  app.get('/staff/login', async (req, reply) => {
    const q = query(req);
    if (req.staffUser) return redirect(reply, safeNext(q.next));
    const { t, frame } = staffEnv(req, reply);
    const error = q.error === 'invalid' ? t.login.invalid : q.error === 'throttled' ? t.login.throttled : undefined;
    const notice = q.reason === 'expired' ? t.login.expired : q.reason === 'logout' ? t.login.loggedOut : undefined;
    return sendPage(reply, LoginPage({ frame, email: '', error, notice, next: safeNext(q.next) }), error ? 401 : 200);
  });

  app.post('/staff/login', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const body = formBody(req);
    const next = safeNext(body.next);
    const r = await logIn(ctx, { email: body.email ?? '', password: body.password ?? '', ip: req.ip });
    if (!r.ok) {
      const { t, frame } = staffEnv(req, reply);
      const error = r.reason === 'throttled' ? t.login.throttled : t.login.invalid;
      return sendPage(reply, LoginPage({ frame, email: (body.email ?? '').slice(0, 254), error, next }), r.reason === 'throttled' ? 429 : 401);
    }
    // the old session (if any) ends: a login always gets a fresh id
    await logOut(ctx, req.cookies[STAFF_COOKIE]);
    reply.setCookie(STAFF_COOKIE, r.sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
    return redirect(reply, next);
  });

  app.post('/staff/logout', { preHandler: app.csrfProtection }, async (req, reply) => {
    await logOut(ctx, req.cookies[STAFF_COOKIE]);
    reply.clearCookie(STAFF_COOKIE, { path: '/' });
    return redirect(reply, '/staff/login?reason=logout');
  });
}
