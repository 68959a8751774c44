/**
 * CPU time (user + system, in ms) used so far by the processes whose command name matches,
 * read from /proc (Linux; null elsewhere). For PostgreSQL, backends that already exited are
 * counted through the postmaster's reaped-children time. Lets a bench print where its CPU
 * went, per item, alongside its rates: the database and Redis share the same two cores.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ = 100 on Linux

function stat(pid: string): { comm: string; fields: string[] } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    return { comm: text.slice(text.indexOf('(') + 1, close), fields: text.slice(close + 2).split(' ') };
  } catch {
    return null;
  }
}

/** utime + stime (+ reaped children's, when `children`) of one process, in ms. */
export function pidCpuMs(pid: number | string | undefined, children = false): number | null {
  const s = pid === undefined ? null : stat(String(pid));
  if (!s) return null;
  const ticks = (i: number) => Number(s.fields[i] ?? 0);
  return (ticks(11) + ticks(12) + (children ? ticks(13) + ticks(14) : 0)) * TICK_MS;
}

/** Summed CPU of every process whose name matches `comm`. */
export function processesCpuMs(comm: RegExp): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    const s = stat(pid);
    if (!s || !comm.test(s.comm)) continue;
    // the postmaster (parent 1 or not a postgres child) also carries its exited backends
    total += pidCpuMs(pid, true) ?? 0;
  }
  return total;
}

export interface CpuSample {
  self: number;
  postgres: number | null;
  redis: number | null;
}

export function sampleCpu(): CpuSample {
  const usage = process.cpuUsage();
  return {
    self: (usage.user + usage.system) / 1000,
    postgres: processesCpuMs(/^postgres$/),
    redis: processesCpuMs(/^redis-server$/),
  };
}

/** "node 0.31 ms, PostgreSQL 0.12 ms, Redis 0.05 ms" per item between two samples. */
export function describeCpuPerItem(
  before: CpuSample,
  after: CpuSample,
  items: number,
  selfLabel = 'node',
): string {
  const per = (a: number | null, b: number | null) =>
    a === null || b === null ? 'n/a' : `${((b - a) / items).toFixed(3)} ms`;
  return `${selfLabel} ${per(before.self, after.self)}, PostgreSQL ${per(before.postgres, after.postgres)}, Redis ${per(before.redis, after.redis)}`;
}
