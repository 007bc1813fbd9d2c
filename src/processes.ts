/**
 * Telling a process apart from a later one that was given the same pid: its start time, in clock
 * ticks since boot (field 22 of /proc/<pid>/stat). Where /proc is missing (macOS), the start time is
 * unknown and a pid that answers signal 0 counts as the same process.
 */
import { existsSync, readFileSync } from 'node:fs';

/** A process as recorded by whoever started it or runs in it. */
export interface ProcessIdentity {
  pid: number;
  /** Empty where the system does not say. */
  startTime: string;
}

function stat(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
}

export function processStartTime(pid: number): string {
  const text = stat(pid);
  return text ? (text.slice(text.lastIndexOf(')') + 2).split(' ')[19] ?? '') : '';
}

/** This process. */
export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, startTime: processStartTime(process.pid) };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, under another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
  if (!existsSync('/proc/self/stat')) return true;
  // A zombie (exited, not yet reaped) still answers signal 0; /proc tells it apart.
  const text = stat(pid);
  return text !== null && !/^\S+ \(.*\) Z/.test(text);
}

/** Whether the recorded process still runs: same pid, alive, and (where known) the same start time. */
export function isRunning(recorded: ProcessIdentity): boolean {
  if (!isAlive(recorded.pid)) return false;
  const now = processStartTime(recorded.pid);
  return recorded.startTime === '' || now === '' || now === recorded.startTime;
}
