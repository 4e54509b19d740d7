// Reading POST /api/v1/appointments: when the body's shape is wrong (a wrong
// type, a missing field), the answer still names the content problems found in
// the parts that are well formed (an unknown office, a bad e-mail address), so
// a caller can fix everything at once.
import type { AppContext } from '../../app/context.ts';
import { bookInputProblems, type BookInput } from '../../app/book-appointment.ts';
import { isDomainError } from '../../domain/errors.ts';
import type { ServiceRequest } from '../../domain/types.ts';
import { parseWith } from './request.ts';
import { BookRequest } from './schemas.ts';

export async function parseBookBody(ctx: AppContext, data: unknown): Promise<ReturnType<typeof BookRequest.parse>> {
  try {
    return parseWith(BookRequest, data);
  } catch (e) {
    if (!isDomainError(e) || e.code !== 'validation' || !isRecord(data)) throw e;
    const shape = e.details.fields ?? {};
    const content = bookInputProblems(await ctx.catalog(), lenient(data));
    for (const [key, problem] of Object.entries(content)) {
      if (!Object.keys(shape).some((s) => key === s || key.startsWith(`${s}.`) || key.startsWith(`${s}[`) || sameArea(s, key))) {
        shape[key] = problem;
      }
    }
    e.details.fields = shape;
    throw e;
  }
}

/** A shape problem inside the concerns list (`services[1].quantity`) makes checking its content pointless. */
function sameArea(shapeKey: string, contentKey: string): boolean {
  return shapeKey.startsWith('services') && contentKey.startsWith('services');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** What can be read of a malformed body; anything of the wrong type counts as absent. */
function lenient(data: Record<string, unknown>): BookInput {
  const contact = isRecord(data.contact) ? data.contact : {};
  const services: ServiceRequest[] = Array.isArray(data.services)
    ? data.services.filter(isRecord).map((s) => ({ id: str(s.id) ?? '', quantity: typeof s.quantity === 'number' ? s.quantity : 1 }))
    : [];
  return {
    office: str(data.office),
    services,
    startsAt: str(data.startsAt),
    contact: { name: str(contact.name) ?? '', email: str(contact.email) ?? '', phone: str(contact.phone) ?? null },
    locale: 'de',
    consent: data.consent === true,
  };
}
