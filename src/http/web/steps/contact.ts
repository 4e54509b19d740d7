// Step 3: contact details and consent. Errors come back next to the fields
// and in the summary; what was typed stays in the form.
import type { FastifyInstance } from 'fastify';
import { checkContact, normalizeContact } from '../../../domain/contact.ts';
import { message } from '../../messages.ts';
import { ContactPage } from '../../views/pages/contact-page.tsx';
import { PATHS, currentHold, guard } from '../journey.ts';
import { csrfToken, formBody, pageEnv, redirect, sendPage } from '../page.ts';
import type { WebDeps } from '../plugin.ts';
import { loadSession, saveSession, takeFlash } from '../session.ts';
import { clip } from '../../clip.ts';

/** Field order of the form, so the error summary lists problems top to bottom. */
const ORDER = ['name', 'email', 'phone', 'consent'];

export function registerContactStep(app: FastifyInstance, { ctx, write }: WebDeps): void {
  app.get(PATHS.contact, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'contact', catalog);
    if (to) return redirect(reply, to);
    const flash = takeFlash(session, 'contact');
    if (flash) await saveSession(ctx, req, reply, session);
    const c = session.data.contact;
    const v = flash?.values;
    const values = v
      ? { name: v.name ?? '', email: v.email ?? '', phone: v.phone ?? '', consent: v.consent === 'ja' }
      : { name: c?.name ?? '', email: c?.email ?? '', phone: c?.phone ?? '', consent: session.data.consent === true };
    const errors = flash
      ? ORDER.filter((k) => flash.errors[k]).map((k) => ({ id: k, message: flash.errors[k] }))
      : [];
    const hold = currentHold(session.data);
    return sendPage(reply, ContactPage({ frame: env.frame, csrf: csrfToken(reply), values, errors, held: hold ? { ...hold, remainingSeconds: (Date.parse(hold.expiresAt) - ctx.now()) / 1000 } : null }));
  });

  app.post(PATHS.contact, { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const env = await pageEnv(ctx, req, reply);
    const catalog = await ctx.catalog();
    const session = await loadSession(ctx, req);
    const to = guard(session.data, 'contact', catalog);
    if (to) return redirect(reply, to);
    const body = formBody(req);
    const raw = { name: clip(body.name ?? '', 500), email: clip(body.email ?? '', 500), phone: clip(body.phone ?? '', 100) };
    const contact = normalizeContact(raw);
    const problems = checkContact(contact, { prefix: 'contact' });
    const errors: Record<string, string> = {};
    for (const [path, p] of Object.entries(problems)) errors[path.replace('contact.', '')] = message(p.key, env.locale, p.params);
    const consent = body.consent === 'ja';
    if (!consent) errors.consent = env.t.contact.errConsent;
    if (Object.keys(errors).length > 0) {
      session.data.flash = { page: 'contact', errors, values: { ...raw, consent: consent ? 'ja' : '' } };
      await saveSession(ctx, req, reply, session);
      return redirect(reply, PATHS.contact);
    }
    session.data.contact = { name: contact.name, email: contact.email, phone: contact.phone ?? '' };
    session.data.consent = true;
    await saveSession(ctx, req, reply, session);
    return redirect(reply, PATHS.review);
  });
}
