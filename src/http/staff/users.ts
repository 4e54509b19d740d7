// The users page (/staff/benutzer, admins only; everyone else 404): list, add
// (the password is shown once, in the answer to the POST: it is never stored
// in plain text, so there is nothing to redirect to), edit, deactivate (after
// a confirmation page saying what ends) and reactivate, a new password, and
// revoking a user's API tokens.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createUser } from '../../app/staff/create-user.ts';
import { listTokensOf } from '../../app/staff/list-api-tokens.ts';
import { getUser, listUsers } from '../../app/staff/list-users.ts';
import { resetUserPassword } from '../../app/staff/reset-user-password.ts';
import { revokeApiToken } from '../../app/staff/revoke-api-token.ts';
import { setUserActive } from '../../app/staff/set-user-active.ts';
import { previewDeactivation } from '../../app/staff/preview-deactivation.ts';
import { DeactivateConfirmPage } from '../views/staff/user-deactivate-page.tsx';
import { updateUser } from '../../app/staff/update-user.ts';
import { formBody, redirect, sendPage } from '../web/page.ts';
import type { FormError } from '../views/staff/admin-parts.tsx';
import { adminTexts } from '../views/staff/admin-texts.ts';
import { UserEditPage } from '../views/staff/user-edit-page.tsx';
import { PasswordShownPage, UsersPage, type UserForm } from '../views/staff/users-page.tsx';
import { formErrors, formList, param, when } from './admin-forms.ts';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';
import { clip } from '../clip.ts';

export function registerUserRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  const offices = async () => (await ctx.catalog()).config.offices.map((o) => ({ id: o.id, name: o.name }));
  const tz = async () => (await ctx.catalog()).config.organization.timezone;

  async function listPage(req: FastifyRequest, reply: FastifyReply, form: UserForm, errors: FormError[], status = 200) {
    const user = userOf(req);
    const users = await listUsers(ctx, user);
    const zone = await tz();
    const { frame } = staffEnv(req, reply);
    const rows = users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, offices: u.offices, active: u.active, lastLogin: when(u.lastLoginAt, zone) }));
    return sendPage(reply, UsersPage({ frame, users: rows, offices: await offices(), form, errors }), status);
  }

  async function editPage(req: FastifyRequest, reply: FastifyReply, id: string, form: UserForm | null, errors: FormError[], status = 200) {
    const actor = userOf(req);
    const u = await getUser(ctx, actor, id);
    const tokens = await listTokensOf(ctx, actor, { userId: u.id });
    const zone = await tz();
    const { frame, locale } = staffEnv(req, reply);
    const a = adminTexts(locale);
    const ok = query(req).ok;
    const notice = ok === 'saved' ? a.users.saved : ok === 'deactivated' ? a.users.deactivated : ok === 'reactivated' ? a.users.reactivated : ok === 'revoked' ? a.users.tokenRevoked : undefined;
    return sendPage(reply, UserEditPage({
      frame, offices: await offices(), errors, notice: status === 200 ? notice : undefined,
      user: { id: u.id, email: u.email, name: u.name, active: u.active, self: u.id === actor.id, lastLogin: when(u.lastLoginAt, zone) },
      form: form ?? { email: u.email, name: u.name, role: u.role, offices: u.offices },
      tokens: tokens.map((t) => ({ id: t.id, label: t.label, created: when(t.createdAt, zone) ?? '', lastUsed: when(t.lastUsedAt, zone) })),
    }), status);
  }

  const readForm = (req: FastifyRequest): UserForm => {
    const b = formBody(req);
    return { email: clip((b.email ?? '').trim(), 254), name: clip((b.name ?? '').trim(), 300), role: clip(b.role ?? '', 20), offices: formList(req, 'offices') };
  };

  app.get('/staff/benutzer', async (req, reply) => listPage(req, reply, { email: '', name: '', role: 'clerk', offices: [] }, []));

  app.post('/staff/benutzer', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const form = readForm(req);
    const { frame, locale } = staffEnv(req, reply);
    const a = adminTexts(locale);
    try {
      const r = await createUser(ctx, userOf(req), form);
      return sendPage(reply, PasswordShownPage({ frame, title: a.users.added, text: a.users.addedText(r.user.email), password: r.password, back: '/staff/benutzer' }));
    } catch (e) {
      return listPage(req, reply, form, formErrors(e, a), 400);
    }
  });

  app.get('/staff/benutzer/:id', async (req, reply) => editPage(req, reply, param(req, 'id'), null, []));

  app.post('/staff/benutzer/:id', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const id = param(req, 'id');
    const form = readForm(req);
    try {
      await updateUser(ctx, userOf(req), { id, name: form.name, role: form.role, offices: form.offices });
      return redirect(reply, `/staff/benutzer/${id}?ok=saved`);
    } catch (e) {
      return editPage(req, reply, id, form, formErrors(e, adminTexts(staffEnv(req, reply).locale)), 400);
    }
  });

  for (const [path, active] of [['deaktivieren', false], ['reaktivieren', true]] as const) {
    app.post(`/staff/benutzer/:id/${path}`, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
      const id = param(req, 'id');
      try {
        // deactivating asks first: what ends, and how much; the second POST (bestaetigt=ja) does it
        if (!active && formBody(req).bestaetigt !== 'ja') {
          const preview = await previewDeactivation(ctx, userOf(req), { id });
          const catalog = await ctx.catalog();
          return sendPage(reply, DeactivateConfirmPage({
            frame: staffEnv(req, reply).frame, preview, officeName: (office) => catalog.offices.get(office)?.name ?? office,
          }));
        }
        await setUserActive(ctx, userOf(req), { id, active });
        return redirect(reply, `/staff/benutzer/${id}?ok=${active ? 'reactivated' : 'deactivated'}`);
      } catch (e) {
        return editPage(req, reply, id, null, formErrors(e, adminTexts(staffEnv(req, reply).locale)), 400);
      }
    });
  }

  app.post('/staff/benutzer/:id/passwort', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const id = param(req, 'id');
    const { frame, locale } = staffEnv(req, reply);
    const a = adminTexts(locale);
    try {
      const r = await resetUserPassword(ctx, userOf(req), { id });
      return sendPage(reply, PasswordShownPage({ frame, title: a.users.resetDone, text: a.users.resetDoneText(r.email), password: r.password, back: `/staff/benutzer/${id}` }));
    } catch (e) {
      return editPage(req, reply, id, null, formErrors(e, a), 400);
    }
  });

  app.post('/staff/benutzer/:id/schluessel/:token/widerrufen', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const id = param(req, 'id');
    await getUser(ctx, userOf(req), id); // admins only, like the rest of this page
    await revokeApiToken(ctx, userOf(req), { userId: id, tokenId: param(req, 'token') });
    return redirect(reply, `/staff/benutzer/${id}?ok=revoked`);
  });
}
