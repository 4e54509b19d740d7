// Exclusive lock on a PGlite data directory: a second process opening the same
// directory would corrupt it. The lock is `DIR/.amtszeit.lock`, created with
// O_EXCL and holding the owner's pid. A lock whose pid is dead is stale and is
// taken over (under a short-lived `.takeover` guard directory so two starters
// cannot both take it). Released by `release()` and on process exit.
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = '.amtszeit.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Amtszeit process (pid ${pid}). ` +
        'Stop it first, or use DATABASE_URL for PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours; idempotent. */
  release(): void;
}

/** Lock files held by this process (absolute paths): a second open here is refused too. */
const held = new Set<string>();

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | null {
  try {
    return Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Takes the lock or throws DataDirLockedError; on refusal nothing is created or changed. */
export function acquireDataDirLock(dataDir: string, onStale?: (pid: number) => void): DataDirLock {
  const path = resolve(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 200; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        mkdirSync(dataDir, { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw e;
      const pid = readPid(path);
      if (pid === null) continue; // released meanwhile: try again
      if (Number.isNaN(pid) && attempt < 20) {
        sleep(10); // the owner has created the file but not yet written its pid
        continue;
      }
      // Our own pid in a file we do not hold is a previous life of this pid (container restart).
      if (held.has(path) || (pid !== process.pid && pidAlive(pid))) throw new DataDirLockedError(dataDir, pid);
      takeOverStale(path, pid, onStale);
      continue;
    }
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return register(path);
  }
  throw new Error(`Could not lock the data directory ${dataDir}: too much contention on ${path}`);
}

function takeOverStale(path: string, stalePid: number, onStale?: (pid: number) => void): void {
  const guard = `${path}.takeover`;
  try {
    mkdirSync(guard);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // Someone else is taking over; a guard older than 10 s belongs to a crashed starter.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 10_000) rmdirSync(guard);
    } catch {
      /* gone meanwhile */
    }
    sleep(20);
    return;
  }
  try {
    const now = readPid(path);
    if (now === stalePid || (Number.isNaN(now) && Number.isNaN(stalePid))) {
      unlinkSync(path);
      onStale?.(stalePid);
    }
  } finally {
    rmdirSync(guard);
  }
}

function register(path: string): DataDirLock {
  held.add(path);
  const release = () => {
    if (!held.delete(path)) return;
    process.off('exit', release);
    try {
      if (readPid(path) === process.pid) unlinkSync(path);
    } catch {
      /* already gone */
    }
  };
  process.on('exit', release);
  return { path, release };
}

/** The lock file's path for a data directory (for tests and messages). */
export function lockFilePath(dataDir: string): string {
  return join(resolve(dataDir), LOCK_FILE);
}
