// Idempotency keys of POST /appointments: claimed inside the booking's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export type IdempotencyClaim =
  | { kind: 'new' }
  | { kind: 'mismatch' }
  | { kind: 'replay'; response: unknown };

/**
 * Claims `keyHash` for this request. A concurrent request with the same key
 * waits here until the first transaction ends (unique index), then sees its
 * answer. Keys older than `maxAgeHours` are forgotten.
 */
export async function claimIdempotencyKey(
  tx: Transaction<Database>,
  q: { orgId: string; keyHash: string; requestHash: string; now: Date; maxAgeHours: number },
): Promise<IdempotencyClaim> {
  const cutoff = new Date(q.now.getTime() - q.maxAgeHours * 3600_000);
  await tx
    .deleteFrom('idempotency_keys')
    .where('org_id', '=', q.orgId)
    .where('key', '=', q.keyHash)
    .where('created_at', '<', cutoff)
    .execute();
  const inserted = await tx
    .insertInto('idempotency_keys')
    .values({ org_id: q.orgId, key: q.keyHash, request_hash: q.requestHash, created_at: q.now })
    .onConflict((oc) => oc.columns(['org_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'new' };
  const prior = await tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('org_id', '=', q.orgId)
    .where('key', '=', q.keyHash)
    .executeTakeFirstOrThrow();
  if (prior.request_hash !== q.requestHash) return { kind: 'mismatch' };
  return { kind: 'replay', response: prior.response };
}

export async function storeIdempotentResponse(
  tx: Transaction<Database>,
  q: { orgId: string; keyHash: string; statusCode: number; response: unknown },
): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ status_code: q.statusCode, response: JSON.stringify(q.response) })
    .where('org_id', '=', q.orgId)
    .where('key', '=', q.keyHash)
    .execute();
}

export async function purgeIdempotencyKeys(tx: Kysely<Database> | Transaction<Database>, orgId: string, before: Date): Promise<number> {
  const r = await tx.deleteFrom('idempotency_keys').where('org_id', '=', orgId).where('created_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

