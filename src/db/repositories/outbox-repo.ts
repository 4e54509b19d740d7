// Writes e-mails to the outbox, in the caller's transaction (src/jobs sends them).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type MailKind = 'booking_confirmation' | 'confirm_request' | 'cancellation' | 'reschedule' | 'reminder' | 'staff_cancellation';

export async function enqueueMail(
  tx: Db,
  mail: { orgId: string; appointmentId: string; kind: MailKind; recipient: string; locale: string; payload?: Record<string, unknown> },
): Promise<void> {
  await tx
    .insertInto('outbox')
    .values({
      org_id: mail.orgId,
      appointment_id: mail.appointmentId,
      kind: mail.kind,
      recipient: mail.recipient,
      locale: mail.locale,
      payload: JSON.stringify(mail.payload ?? {}),
    })
    .execute();
}
