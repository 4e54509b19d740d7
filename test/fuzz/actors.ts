// Who sends the fuzzed requests: nobody, the admin of the back office (logged
// in again if a request ended the session), or a citizen whose session is at a
// given step of the booking journey (prepared on demand with valid input, and
// replaced once a fuzzed form moved it on). `send` fills in the session's
// cookies, CSRF token and placeholders and checks the answer (request.ts).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CITIZEN_STEPS, fill, inject, Session, type Actor, type CitizenStep, type FuzzRequest } from './request.ts';

export interface ActorOptions {
  server: FastifyInstance;
  admin: { email: string; password: string };
  /** bookable start times (RFC 3339) for the citizens' holds, tried in turn */
  starts: string[];
  /** the citizen's concern and office */
  service: string;
  office: string;
  /** placeholders of the set-up: a reference and token, a hold id */
  vars: Record<string, string>;
}

/** A session may be used this often before a fresh one is prepared. */
const MAX_USES = 60;

export class Actors {
  private admin: Session | null = null;
  private citizens = new Map<CitizenStep, Session>();
  private prepared = 0;
  private startIndex = 0;

  constructor(private readonly o: ActorOptions) {}

  /** the set-up's placeholders */
  get vars(): Record<string, string> {
    return this.o.vars;
  }

  async session(as: Actor | undefined): Promise<Session | null> {
    if (!as || as === 'anonymous') return null;
    if (as === 'admin') return this.admin ??= await this.login();
    const step = as.slice('citizen:'.length) as CitizenStep;
    const current = this.citizens.get(step);
    if (current && !current.stale && current.uses < MAX_USES) return current;
    const fresh = await this.citizen(step);
    this.citizens.set(step, fresh);
    return fresh;
  }

  private async login(): Promise<Session> {
    const s = new Session(this.o.server, '10.8.0.1');
    await s.get('/staff/login');
    const r = await s.post('/staff/login', { email: this.o.admin.email, password: this.o.admin.password });
    if (r.statusCode !== 303 || r.headers.location === '/staff/login') throw new Error(`the admin's login failed: ${r.statusCode} ${r.headers.location}`);
    return s;
  }

  /** A citizen whose journey has reached `step`, with valid input all the way. */
  async citizen(step: CitizenStep): Promise<Session> {
    const n = ++this.prepared;
    const s = new Session(this.o.server, `10.4.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`);
    const upTo = CITIZEN_STEPS.indexOf(step);
    const expect = (r: LightMyRequestResponse, location: string, what: string) => {
      if (r.headers.location !== location) throw new Error(`preparing a citizen at ${step}: ${what} answered ${r.statusCode} → ${r.headers.location}`);
    };
    await s.get('/buchen/anliegen');
    if (upTo >= 1) expect(await s.post('/buchen/anliegen', { [`anzahl-${this.o.service}`]: '1' }), '/buchen/amt', 'concerns');
    if (upTo >= 2) {
      await s.get('/buchen/amt');
      expect(await s.post('/buchen/amt', { office: this.o.office }), '/buchen/termin', 'office');
    }
    if (upTo >= 3) {
      await s.get('/buchen/termin');
      let held = false;
      for (let tries = 0; tries < 20 && !held; tries++) {
        const startsAt = this.o.starts[this.startIndex++ % this.o.starts.length];
        const r = await s.post('/buchen/termin', { startsAt, date: startsAt.slice(0, 10) });
        held = r.headers.location === '/buchen/kontakt';
      }
      if (!held) throw new Error('preparing a citizen: no time could be held in 20 tries');
    }
    if (upTo >= 4) {
      await s.get('/buchen/kontakt');
      expect(await s.post('/buchen/kontakt', { name: `Fuzz Bürger ${n}`, email: `fuzz-${n}@example.org`, consent: 'ja' }), '/buchen/pruefen', 'contact');
    }
    if (upTo >= 5) {
      await s.get('/buchen/pruefen');
      expect(await s.post('/buchen/pruefen', {}), '/buchen/bestaetigung', 'review');
      const done = await s.get('/buchen/bestaetigung');
      const link = /class="kern-link az-manage-link" href="\/termin\/([^"?]+)\?token=([^"&]+)"/.exec(done.body);
      if (!link) throw new Error('preparing a citizen: no manage link on the confirmation page');
      s.vars = { ref: link[1], token: link[2] };
    }
    await s.get(STEP_PAGES[step][0].replace('{ref}', s.vars.ref ?? '').replace('{token}', s.vars.token ?? ''));
    return s;
  }

  /** A hold or booking the fuzz made becomes the placeholders' value: later requests find something to act on. */
  private remember(r: LightMyRequestResponse): void {
    if (r.statusCode !== 201 || !String(r.headers['content-type']).startsWith('application/json')) return;
    const body = r.json() as { holdId?: unknown; reference?: unknown; manageToken?: unknown };
    if (typeof body.holdId === 'string') this.o.vars.holdId = body.holdId;
    if (typeof body.reference === 'string' && typeof body.manageToken === 'string') Object.assign(this.o.vars, { ref: body.reference, token: body.manageToken });
  }

  /** Sends the request as its actor, with the checks of request.ts. */
  async send(req: FuzzRequest): Promise<LightMyRequestResponse> {
    const s = await this.session(req.as);
    const vars = [s?.vars ?? {}, this.o.vars];
    const url = fill(req.url, ...vars);
    let body = req.body === undefined ? undefined : fill(req.body, ...vars);
    if (req.csrf) body = `_csrf=${encodeURIComponent(s?.csrf ?? '')}${body ? `&${body}` : ''}`;
    const headers: Record<string, string> = { 'x-forwarded-for': s?.ip ?? '10.9.0.1', ...req.headers };
    if (s && s.cookies.size > 0) headers.cookie = s.cookieHeader;
    const r = await inject(this.o.server, { method: req.method as 'GET', url, headers, ...(body === undefined ? {} : { payload: body }) }, req);
    this.remember(r);
    if (s) {
      s.absorb(r);
      s.uses++;
      const location = r.headers.location;
      if (req.as === 'admin' && typeof location === 'string' && location.startsWith('/staff/login')) this.admin = null;
      else if (typeof location === 'string' && req.method === 'POST' && endsJourney(url, location, s)) s.stale = true;
    }
    return r;
  }
}

/**
 * Whether a redirect left the session where its step's forms no longer apply:
 * the booking was made or the journey starts over, or the appointment was
 * cancelled. (Going on to the next step does not count: the earlier step's
 * form can still be sent again; a moved appointment can be moved again.)
 */
function endsJourney(posted: string, location: string, s: Session): boolean {
  const path = location.split('?')[0];
  if (path === posted.split('?')[0]) return false;
  if (path === '/buchen/bestaetigung' || path === '/buchen/anliegen' || path === '/buchen') return true;
  return s.vars.ref !== undefined && path === `/termin/${s.vars.ref}` && /[?&]ok=abgesagt/.test(location);
}

/** The pages of each step whose forms are fuzzed (placeholders: the session's appointment). */
export const STEP_PAGES: Record<CitizenStep, string[]> = {
  start: ['/buchen/anliegen', '/buchen/assistent', '/', '/hilfe'],
  concerns: ['/buchen/amt'],
  office: ['/buchen/termin', '/buchen/termin?monat=2026-12&tag=2026-12-01'],
  held: ['/buchen/kontakt'],
  contact: ['/buchen/pruefen'],
  booked: ['/termin/{ref}?token={token}', '/termin/{ref}/absagen?token={token}', '/termin/{ref}/verschieben?token={token}', '/termin/{ref}/bestaetigen?token={token}', '/termin/{ref}/verschieben?token={token}&monat=2026-12&tag=2026-12-02'],
};
