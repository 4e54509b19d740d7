// The pages for an office's secret addresses (calendar feeds, kiosk links):
// GET {path}?office=ID lists them, POST {path} creates one (its address shown
// once, in the answer to the POST), POST {path}/{id}/widerrufen revokes one.
// For leads (own offices) and admins; the use cases check that.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { userOffices, type StaffUser } from '../../app/staff/access.ts';
import type { Catalog } from '../../app/catalog.ts';
import { DomainError } from '../../domain/errors.ts';
import { clip } from '../clip.ts';
import type { FormError } from '../views/staff/admin-parts.tsx';
import { adminTexts, type AdminTexts } from '../views/staff/admin-texts.ts';
import { OfficeLinksPage, type OfficeLinkTexts } from '../views/staff/office-links-page.tsx';
import { formBody, redirect, sendPage } from '../web/page.ts';
import { formErrors, param, when } from './admin-forms.ts';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

export interface OfficeLinkKind {
  /** the page's path, e.g. /staff/kalender */
  path: string;
  texts: (a: AdminTexts) => OfficeLinkTexts;
  list(ctx: AppContext, user: StaffUser, q: { office: string }): Promise<{ id: string; label: string; createdBy: string; createdAt: Date; lastUsedAt: Date | null }[]>;
  create(ctx: AppContext, user: StaffUser, q: { office: string; label: string }): Promise<{ url: string }>;
  revoke(ctx: AppContext, user: StaffUser, q: { office: string; id: string }): Promise<void>;
  /** a warning for the office, e.g. that its kiosk is switched off */
  warning?(catalog: Catalog, officeId: string, a: AdminTexts): string | undefined;
}

export function registerOfficeLinkPages(app: FastifyInstance, { ctx, write }: StaffDeps, kind: OfficeLinkKind): void {
  async function page(req: FastifyRequest, reply: FastifyReply, opts: { errors?: FormError[]; label?: string; newUrl?: string; status?: number } = {}) {
    const user = userOf(req);
    const catalog = await ctx.catalog();
    const mine = user.role === 'clerk' ? [] : userOffices(user, catalog);
    const officeId = query(req).office ?? mine[0];
    if (!officeId) throw new DomainError('not_found');
    const links = await kind.list(ctx, user, { office: officeId });
    const tz = catalog.config.organization.timezone;
    const { frame, locale } = staffEnv(req, reply);
    const a = adminTexts(locale);
    const f = kind.texts(a);
    return sendPage(reply, OfficeLinksPage({
      frame, path: kind.path, texts: kind.texts, errors: opts.errors ?? [], label: opts.label ?? '', newUrl: opts.newUrl,
      notice: !opts.status && query(req).ok === 'revoked' ? f.revoked : undefined,
      warning: kind.warning?.(catalog, officeId, a),
      office: { id: officeId, name: catalog.offices.get(officeId)?.name ?? officeId },
      offices: mine.map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id })),
      links: links.map((l) => ({ id: l.id, label: l.label, createdBy: l.createdBy, created: when(l.createdAt, tz) ?? '', lastUsed: when(l.lastUsedAt, tz) })),
    }), opts.status ?? 200);
  }

  app.get(kind.path, async (req, reply) => page(req, reply));

  app.post(kind.path, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const label = clip(formBody(req).label ?? '', 300);
    try {
      const r = await kind.create(ctx, userOf(req), { office: query(req).office ?? '', label });
      return page(req, reply, { newUrl: r.url });
    } catch (e) {
      return page(req, reply, { errors: formErrors(e, adminTexts(staffEnv(req, reply).locale)), label, status: 400 });
    }
  });

  app.post(`${kind.path}/:id/widerrufen`, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const office = query(req).office ?? '';
    await kind.revoke(ctx, userOf(req), { office, id: param(req, 'id') });
    return redirect(reply, `${kind.path}?office=${encodeURIComponent(office)}&ok=revoked`);
  });
}
