// The CSV export (leads of the office and admins): the form (/staff/export) and
// the file (/staff/export.csv). GET gives the file without personal data (the
// day view links to it); with personal data only by the form's POST with its
// CSRF token — a GET asking for it shows the form with that choice instead.
// A bad period answers 400 with the form and what is wrong.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { userOffices } from '../../app/staff/access.ts';
import { exportAppointments } from '../../app/staff/export-appointments.ts';
import { parseDateInput } from '../../domain/date-input.ts';
import { DomainError, isDomainError, type FieldErrors } from '../../domain/errors.ts';
import { formBody, sendPage } from '../web/page.ts';
import { exportCsv, exportFileName } from '../views/staff/export-csv.ts';
import { ExportPage, type ExportForm } from '../views/staff/export-page.tsx';
import { exportTexts, type ExportTexts } from '../views/staff/export-texts.ts';
import type { FieldError } from '../views/components.tsx';
import type { StaffDeps } from './plugin.ts';
import { query, staffEnv, userOf } from './staff-page.ts';

export function registerExportRoutes(app: FastifyInstance, { ctx, write }: StaffDeps): void {
  /** The form, for leads (their offices) and admins; 400 when it comes back with problems. */
  async function exportForm(req: FastifyRequest, reply: FastifyReply, input: Record<string, string>, errors: FieldErrors) {
    const user = userOf(req);
    if (user.role === 'clerk') throw new DomainError('not_found');
    const catalog = await ctx.catalog();
    const mine = userOffices(user, catalog);
    const office = input.office ?? mine[0] ?? '';
    if (!mine.includes(office)) throw new DomainError('not_found');
    const { frame, locale } = staffEnv(req, reply);
    const list = exportErrors(errors, exportTexts(locale));
    // a date picker shows only `YYYY-MM-DD`: a valid German date goes back in that form
    const date = (v: string | undefined) => parseDateInput(v) ?? (v ?? '').slice(0, 20);
    const form: ExportForm = { office, from: date(input.from), to: date(input.to ?? input.from), personalData: input.personal === 'ja' };
    const offices = mine.map((id) => ({ id, name: catalog.offices.get(id)?.name ?? id }));
    return sendPage(reply, ExportPage({ frame, offices, form, errors: list }), list.length ? 400 : 200);
  }

  async function sendExport(req: FastifyRequest, reply: FastifyReply, input: Record<string, string>, personalData: boolean) {
    const user = userOf(req);
    const { locale } = staffEnv(req, reply);
    try {
      const data = await exportAppointments(ctx, user, {
        office: input.office ?? '', from: input.from ?? '', to: input.to ?? input.from ?? '', personalData, locale,
      });
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="${exportFileName(data, locale)}"`)
        .type('text/csv; charset=utf-8')
        .send(exportCsv(data, locale));
    } catch (e) {
      if (isDomainError(e) && e.code === 'validation') return exportForm(req, reply, input, e.details.fields ?? {});
      throw e;
    }
  }

  app.get('/staff/export', async (req, reply) => exportForm(req, reply, query(req), {}));

  app.get('/staff/export.csv', async (req, reply) => {
    const q = query(req);
    // personal data never through a link: show the form with that choice, to be sent by POST
    if (q.personal === 'ja') return exportForm(req, reply, q, {});
    return sendExport(req, reply, q, false);
  });

  app.post('/staff/export.csv', { ...write, preHandler: app.csrfProtection }, async (req, reply) => {
    const body = formBody(req);
    return sendExport(req, reply, body, body.personal === 'ja');
  });
}

function exportErrors(fields: FieldErrors, t: ExportTexts): FieldError[] {
  return Object.entries(fields).map(([id, p]) => ({
    id,
    message: p.key === 'export.end_before_start' ? t.page.endBeforeStart
      : p.key === 'export.too_long' ? t.page.tooLong(Number(p.params?.max ?? 366))
      : p.key === 'export.date_invalid' ? t.page.dateInvalid(String(p.params?.value ?? ''))
      : t.page.dateMissing,
  }));
}
