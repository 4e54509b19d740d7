// The PostgreSQL NOTIFY channel on which a call at a counter is announced, so
// the waiting-room displays of every process show it at once. The queue's
// call transaction notifies it (db/repositories/queue-ticket-repo.ts,
// notifyCall: payload JSON `{"org":…,"office":…,"number":…,"desk":…}`); the
// display hub (http/display/call-hub.ts) listens. One name for both sides:
// the queue's constant.
export { QUEUE_CALL_CHANNEL as QUEUE_CALLS_CHANNEL } from './repositories/queue-ticket-repo.ts';

/** The office a notification's payload names: JSON `{ office }`, or a bare office id; null if neither. */
export function officeOfPayload(payload: string | undefined): string | null {
  if (!payload) return null;
  const text = payload.trim();
  if (text.startsWith('{')) {
    try {
      const office = (JSON.parse(text) as { office?: unknown }).office;
      return typeof office === 'string' && office !== '' ? office : null;
    } catch {
      return null;
    }
  }
  return text === '' ? null : text;
}
