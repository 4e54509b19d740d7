// The version of a configuration: a hash of its content (key order aside).
// A settings form carries the version it was based on; a change is refused
// when the configuration has changed since (no lost updates).
import { createHash } from 'node:crypto';
import type { OrgConfig } from '../domain/types.ts';

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v === 'object' && v !== null) {
    return Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export function configVersion(config: OrgConfig): string {
  return createHash('sha256').update(JSON.stringify(canonical(config))).digest('base64url').slice(0, 22);
}
