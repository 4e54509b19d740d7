// What a configuration change changed, as a compact list of (path, old, new):
// `services[anmeldung].minutes: 15 → 20`, `offices[a].hours[1]: null → {…}`.
// Lists of entries with an `id` are matched by id, other lists of objects by
// position; lists of plain values (days, concern ids) count as one value.

export interface ConfigChange {
  path: string;
  old: unknown;
  new: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (list: unknown[]): list is ({ id: string } & Obj)[] =>
  list.length > 0 && list.every((x) => isObj(x) && typeof x.id === 'string');
const isPlainList = (list: unknown[]) => list.every((x) => !isObj(x) && !Array.isArray(x));

/** Every difference between `a` and `b`, at most `max` (the rest summed up as `…`). */
export function diffConfig(a: unknown, b: unknown, max = 200): ConfigChange[] {
  const out: ConfigChange[] = [];
  walk(a, b, '', out);
  if (out.length <= max) return out;
  return [...out.slice(0, max), { path: '…', old: null, new: `${out.length - max} more` }];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(a: unknown, b: unknown, path: string, out: ConfigChange[]): void {
  if (same(a, b)) return;
  if (isObj(a) && isObj(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) walk(a[k], b[k], path === '' ? k : `${path}.${k}`, out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && !(isPlainList(a) && isPlainList(b))) {
    if ((a.length === 0 || hasIds(a)) && (b.length === 0 || hasIds(b))) {
      const before = new Map((a as Obj[]).map((x) => [x.id as string, x]));
      const after = new Map((b as Obj[]).map((x) => [x.id as string, x]));
      for (const [id, x] of before) walk(x, after.get(id), `${path}[${id}]`, out);
      for (const [id, x] of after) if (!before.has(id)) walk(undefined, x, `${path}[${id}]`, out);
      const order = (m: Map<string, unknown>, other: Map<string, unknown>) => [...m.keys()].filter((id) => other.has(id));
      if (!same(order(before, after), order(after, before))) out.push({ path: `${path}(order)`, old: order(before, after), new: order(after, before) });
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`, out);
    return;
  }
  out.push({ path, old: a ?? null, new: b ?? null });
}
