// Who used the CPU during a run (Linux /proc; elsewhere the figures are NaN):
// the whole machine, this process (the load generator) and given child pids.
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSample {
  at: number;
  busy: number;
  total: number;
  self: number;
  pids: Map<number, number>;
  /** PostgreSQL backends serving the bench database (empty for PGlite) */
  backends: Map<number, number>;
}

function machine(): { busy: number; total: number } {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const idle = f[3] + f[4];
    const total = f.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

function processTicks(pid: number | 'self'): number {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]); // utime + stime
  } catch {
    return NaN;
  }
}

/**
 * A snapshot; with `db` (PostgreSQL on this machine) also the CPU of every backend connected to
 * the bench database, so PostgreSQL's share can be told apart from other work on the machine.
 */
export async function sampleCpu(pids: number[] = [], db?: Kysely<Database>): Promise<CpuSample> {
  let backends = new Map<number, number>();
  if (db) {
    const r = await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
    backends = new Map(r.rows.map((x) => [x.pid, processTicks(x.pid)]).filter(([, t]) => Number.isFinite(t)) as [number, number][]);
  }
  const m = machine();
  return { at: performance.now(), ...m, self: processTicks('self'), pids: new Map(pids.map((p) => [p, processTicks(p)])), backends };
}

export interface CpuUse {
  /** cores busy on the whole machine, and how many there are */
  machine: number;
  cores: number;
  /** this process: the load generator (and an in-process server, if any) */
  self: number;
  /** the given child processes together */
  children: number;
  /** PostgreSQL backends of the bench database (NaN when not measured) */
  postgres: number;
  /** everything else on the machine (PostgreSQL itself too, when not measured) */
  rest: number;
}

export function cpuBetween(a: CpuSample, b: CpuSample): CpuUse {
  const seconds = (b.at - a.at) / 1000;
  const cores = (b.total - a.total) / TICKS_PER_SECOND / seconds;
  const use = (ticks: number) => ticks / TICKS_PER_SECOND / seconds;
  const machineBusy = use(b.busy - a.busy);
  const self = use(b.self - a.self);
  let children = 0;
  for (const [pid, t] of b.pids) children += use(t - (a.pids.get(pid) ?? t));
  // backends that connected during the run count from zero
  let postgres = b.backends.size > 0 ? 0 : NaN;
  for (const [pid, t] of b.backends) postgres += use(t - (a.backends.get(pid) ?? 0));
  return { machine: machineBusy, cores, self, children, postgres, rest: machineBusy - self - children - (Number.isNaN(postgres) ? 0 : postgres) };
}

export function describeCpu(c: CpuUse, childLabel = 'server processes'): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
  return `CPU cores busy: machine ${f(c.machine)} of ${Number.isFinite(c.cores) ? Math.round(c.cores) : '?'}; ` +
    `bench process ${f(c.self)}; ${childLabel} ${f(c.children)}; PostgreSQL backends ${f(c.postgres)}; anything else ${f(c.rest)}`;
}
