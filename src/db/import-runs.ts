/**
 * Imports of records in progress, and those a crash left half-written (src/ingest/import-records.ts
 * writes them). While an import writes, an ImportRun node names it and the process running it; the
 * last batch's commit is followed by its removal (import/finish). At every start, an ImportRun whose
 * process is gone is taken back: what its committed batches wrote is removed, as for a failed batch.
 */
import { hostname } from 'node:os';
import { currentProcess, isRunning } from '../processes.js';
import type { Database } from './database.js';
import { listsInUse } from './stale-lists.js';

/** Records that import `id` of `files` begins writing, in this process. */
export async function beginImportRun(db: Database, id: string, files: string[]): Promise<void> {
  const { pid, startTime } = currentProcess();
  await db.write('import/begin', { import: id, host: hostname(), pid, processStart: startTime, files });
}

/** Everything import `id` wrote is removed (cypher/import/rollback.cypher), with its ImportRun, in one transaction. */
export async function takeBackImport(db: Database, id: string, usesLists: boolean): Promise<void> {
  await db.writeTransaction(
    `import-records:take-back:${id}`,
    async (run) => {
      await run('import/rollback', { import: id });
      await run('import/finish', { import: id });
    },
    { bounded: false },
  );
  if (usesLists) {
    await db.write('similarity/mark-all-stale');
    await db.write('similarity/mark-all-stale-concepts');
  }
}

/** An import found unfinished at start-up. */
export interface UnfinishedImport {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  files: string[];
  /** Batches it had committed. */
  batches: number;
  /** Taken back (its process is gone), or left alone (it still runs). */
  takenBack: boolean;
}

/**
 * How long an import started on another machine must have committed no batch before it counts as
 * dead: its process cannot be looked up from here. Longer than any batch takes.
 */
export const OTHER_HOST_QUIET_SECONDS = 600;

/**
 * Takes back the imports whose process died part-way (`kill -9`, a crash, a machine lost): each
 * one's committed batches are removed as if it had failed, so that the graph is as it was before
 * that import. An import whose process still runs (on this host: the same pid with the same start
 * time; on another host: a batch within OTHER_HOST_QUIET_SECONDS) is left alone. Run at every start
 * (the server, `npm run seed`, `npm run import`, `npm run similarity:rebuild`), before anything else
 * writes. Importing the same files again then gives the graph as a complete import does.
 */
export async function recoverInterruptedImports(db: Database, log: (line: string) => void = console.log): Promise<UnfinishedImport[]> {
  type Row = Omit<UnfinishedImport, 'takenBack'> & { processStart: string; quiet: boolean };
  const rows = await db.read<Row>('import/interrupted', { quietSeconds: OTHER_HOST_QUIET_SECONDS });
  const found: UnfinishedImport[] = [];
  const usesLists = rows.length > 0 && (await listsInUse(db));
  for (const { processStart, quiet, ...run } of rows) {
    const running = run.host === hostname() ? isRunning({ pid: run.pid, startTime: processStart }) : !quiet;
    const what = `import ${run.id} of ${run.files.join(', ')} (started ${run.startedAt} by process ${run.pid} on ${run.host}, ${run.batches} batches committed)`;
    if (running) {
      log(`${what} is still running; left alone.`);
    } else {
      await takeBackImport(db, run.id, usesLists);
      log(`${what} was interrupted; took back what it had written.`);
    }
    found.push({ ...run, takenBack: !running });
  }
  return found;
}
