// Ticking off a call on the appointment's own page: where the page says the
// citizen has no e-mail address and must be phoned about a change, staff record
// that they reached them, or not (to try again), with a short note. Whoever may
// work on the appointment (clerks too); Post/Redirect/Get back to the page.
import type { FastifyInstance } from 'fastify';
import { recordContact } from '../../app/staff/record-contact.ts';
import { isDomainError } from '../../domain/errors.ts';
import { formBody, redirect } from '../web/page.ts';
import type { StaffDeps } from './plugin.ts';
import { refParam, userOf } from './staff-page.ts';

export function registerContactRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  app.post('/staff/termin/:reference/erreicht', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const user = userOf(req);
    const ref = refParam(req);
    const body = formBody(req);
    const url = (q: string) => `/staff/termin/${encodeURIComponent(ref)}?${q}#anrufen`;
    try {
      const r = await recordContact(ctx, user, { reference: ref, result: body.result ?? '', note: body.note ?? '' });
      return redirect(reply, `/staff/termin/${encodeURIComponent(r.reference)}?ok=contacted#anrufen`);
    } catch (e) {
      // a missing choice (or a note too long for the field's limit): the page again with the message at the choice
      if (isDomainError(e) && e.code === 'validation') return redirect(reply, url(`error=${e.details.fields?.result ? 'contact' : 'contact_note'}`));
      throw e;
    }
  });
}
