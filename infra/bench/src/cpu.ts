// CPU time of the processes under test, from /proc (Linux): what one request costs the API's Node
// process and the PostgreSQL backends serving it, without the load generator's share.
import { readdirSync, readFileSync } from 'node:fs';

/** /proc reports CPU times in USER_HZ, 100 per second on Linux. */
const TICK_MS = 10;

/** User plus system CPU time of one process, in milliseconds; NaN when it cannot be read. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ": utime and stime are the 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

/** CPU time of each PostgreSQL backend connected to `database` (their titles name it), in milliseconds, by pid. */
export function postgresCpuByPid(database: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let title: string;
    try {
      title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // "postgres: 15/main: guanai_app guanai_bench_list_… 127.0.0.1(51234) idle"
    if (!title.startsWith('postgres: ') || !title.includes(` ${database} `)) continue;
    const ms = processCpuMs(Number(entry));
    if (Number.isFinite(ms)) out.set(Number(entry), ms);
  }
  return out;
}

/**
 * CPU milliseconds the API and the database spent while `work` ran. Backends are counted one by one:
 * one that started meanwhile counts whole, one that ended meanwhile (an idle pooled connection
 * closed) is left out rather than subtracted.
 */
export async function cpuDuring(
  apiPid: number | undefined,
  database: string,
  work: () => Promise<void>,
): Promise<{ apiMs: number; postgresMs: number }> {
  const api0 = processCpuMs(apiPid);
  const pg0 = postgresCpuByPid(database);
  await work();
  let postgresMs = 0;
  for (const [pid, ms] of postgresCpuByPid(database)) postgresMs += ms - (pg0.get(pid) ?? 0);
  return { apiMs: processCpuMs(apiPid) - api0, postgresMs };
}
