// The citizen's journey state, kept server-side in web_sessions. The cookie
// holds a random 256-bit id; the database holds only its SHA-256. Contact data
// lives here until the booking is made, and expires with the session.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app/context.ts';
import { hashToken } from '../../app/tokens.ts';
import type { ServiceRequest } from '../../domain/types.ts';
import type { SlotTime } from '../../app/slot-time.ts';
import {
  deleteWebSession, loadWebSession, purgeExpiredWebSessions, saveWebSession,
} from '../../db/repositories/web-session-repo.ts';

export const SESSION_COOKIE = 'amtszeit_session';
/** Idle lifetime of a session; each save moves it. */
export const SESSION_MINUTES = 60;

export interface Journey {
  services?: ServiceRequest[];
  office?: string;
  hold?: { id: string; office: string; startsAt: string; expiresAt: string; services: string };
  contact?: { name: string; email: string; phone: string };
  consent?: boolean;
  /** the held time was taken at submit: the nearest alternatives */
  lost?: { startsAt: string; alternatives: SlotTime[] };
  /** the finished booking, for the confirmation page */
  booked?: { reference: string; token: string; email: string; status: string };
  /** a validation failure shown once on the next GET (Post/Redirect/Get) */
  flash?: { page: string; errors: Record<string, string>; values?: Record<string, string>; alternatives?: SlotTime[] };
}

export interface WebSession {
  id: string | null;
  data: Journey;
}

export function cookieOptions(req: FastifyRequest) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: req.protocol === 'https',
    maxAge: SESSION_MINUTES * 60,
  };
}

export async function loadSession(ctx: AppContext, req: FastifyRequest): Promise<WebSession> {
  const id = req.cookies[SESSION_COOKIE];
  if (!id || id.length > 100) return { id: null, data: {} };
  const data = await loadWebSession(ctx.db, { orgId: ctx.orgId, idHash: hashToken(id), now: new Date(ctx.now()) });
  return data ? { id, data: data as Journey } : { id: null, data: {} };
}

/** Stores the journey; creates the session (and its cookie) on first use. */
export async function saveSession(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, s: WebSession): Promise<void> {
  const now = ctx.now();
  if (!s.id) {
    s.id = randomBytes(32).toString('base64url');
    // a new session is a good moment to drop the expired ones (and the contact data they held)
    await purgeExpiredWebSessions(ctx.db, new Date(now));
  }
  await saveWebSession(ctx.db, {
    orgId: ctx.orgId,
    idHash: hashToken(s.id),
    data: s.data,
    now: new Date(now),
    expiresAt: new Date(now + SESSION_MINUTES * 60_000),
  });
  reply.setCookie(SESSION_COOKIE, s.id, cookieOptions(req));
}

export async function endSession(ctx: AppContext, reply: FastifyReply, s: WebSession): Promise<void> {
  if (s.id) await deleteWebSession(ctx.db, { orgId: ctx.orgId, idHash: hashToken(s.id) });
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Takes the flash for a page (and removes it); the caller saves if it was there. */
export function takeFlash(s: WebSession, page: string): Journey['flash'] | undefined {
  const f = s.data.flash;
  if (!f || f.page !== page) return undefined;
  delete s.data.flash;
  return f;
}
