// JSON values from a JSON Schema (the OpenAPI document's components), filled
// with values the server knows (offices, concerns, free times: `hints`, by
// property name) so that many requests get past validation, then mutated:
// a value replaced by a hostile one, a field dropped or added, an array blown up.
import fc from 'fast-check';
import { hostileJson, hostileString } from './values.ts';

export type Schema = Record<string, unknown>;
export type Hints = Record<string, fc.Arbitrary<unknown>>;

export interface SchemaContext {
  /** `#/components/schemas/X` → X's schema */
  components: Record<string, Schema>;
  hints: Hints;
  /** use the hint alone where there is one (a well-formed request) */
  strict?: boolean;
}

function resolve(schema: Schema, ctx: SchemaContext): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') return ctx.components[ref.split('/').pop() ?? ''] ?? {};
  return schema;
}

/** A value that fits the schema (most of the time: hints may not). */
export function fromSchema(input: Schema, ctx: SchemaContext, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, ctx);
  const typed = typedValue(schema, ctx, depth);
  const hint = name ? ctx.hints[name] : undefined;
  if (!hint) return typed;
  return ctx.strict ? hint : fc.oneof({ weight: 9, arbitrary: hint }, { weight: 1, arbitrary: typed });
}

function typedValue(schema: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map((s) => fromSchema(s, ctx, undefined, depth + 1)));
  switch (schema.type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, s] of Object.entries(props)) model[key] = fromSchema(s, ctx, key, depth + 1);
      return fc.record(model, { requiredKeys: ((schema.required ?? []) as string[]).filter((k) => k in model) });
    }
    case 'array': {
      const items = (schema.items ?? {}) as Schema;
      const item = fromSchema(items, ctx, undefined, depth + 1);
      return fc.oneof(
        { weight: 4, arbitrary: item.map((x) => [x]) },
        { weight: 1, arbitrary: fc.array(item, { minLength: 0, maxLength: Math.min(Number(schema.maxItems ?? 4), 4) }) },
      );
    }
    case 'string':
      return fc.string({ maxLength: Math.min(Number(schema.maxLength ?? 20), 20) });
    case 'integer':
      return fc.integer({ min: Number(schema.minimum ?? -1000), max: Number(schema.maximum ?? 1000) });
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return hostileJson;
  }
}

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'extra'; at: number; key: string; value: unknown }
  | { kind: 'repeat'; at: number; times: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: hostileJson }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('extra' as const), at: fc.nat(), key: fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'status', 'reference')), value: hostileJson }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('repeat' as const), at: fc.nat(), times: fc.constantFrom(2, 51, 1000) }) },
);

/** Every container (object or array) and every place in it, root first. */
function places(value: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 10 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) v.forEach((x, i) => { out.push({ parent: v, key: i }); walk(x, depth + 1); });
    else for (const [k, x] of Object.entries(v)) { out.push({ parent: v as Record<string, unknown>, key: k }); walk(x, depth + 1); }
  };
  walk(value, 0);
  return out;
}

function applyMutation(root: unknown, m: Mutation): unknown {
  if (m.kind === 'replace' && (typeof root !== 'object' || root === null || m.at % 7 === 0)) return m.value;
  const all = places(root);
  if (all.length === 0) return m.kind === 'replace' ? m.value : root;
  const { parent, key } = all[m.at % all.length];
  if (m.kind === 'replace') (parent as Record<string | number, unknown>)[key] = m.value;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
  } else if (m.kind === 'extra') {
    if (Array.isArray(parent)) parent.push(m.value);
    else Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else {
    const v = (parent as Record<string | number, unknown>)[key];
    (parent as Record<string | number, unknown>)[key] = Array.isArray(v)
      ? Array.from({ length: Math.min(m.times, 2000) }, () => v[0])
      : typeof v === 'string' ? v.repeat(Math.min(m.times, 200)) : v;
  }
  return root;
}

/** The value as generated, or with up to three mutations (about half the time). */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.oneof({ weight: 1, arbitrary: fc.constant([] as Mutation[]) }, { weight: 1, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) }))
    .map(([value, mutations]) => mutations.reduce((v, m) => applyMutation(v, m), structuredClone(value)));
}
