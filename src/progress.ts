/** A progress bar for long runs (embedding, the related-work lists) on a terminal; elsewhere (logs, CI) nothing is drawn. */
import { Presets, SingleBar } from 'cli-progress';

/** Told how far a long run has come. */
export type Progress = (done: number, total: number) => void;

/** Runs with a bar when more than `atLeast` texts are to be embedded and stderr is a terminal. */
export async function withProgressBar<T>(
  label: string,
  work: (onProgress: Progress) => Promise<T>,
  atLeast = 500,
  unit = 'texts',
): Promise<T> {
  if (!process.stderr.isTTY) return work(() => {});
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration}s`, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  try {
    return await work((done, total) => {
      if (!started && total > atLeast) {
        bar.start(total, done);
        started = true;
      } else if (started) bar.update(done);
    });
  } finally {
    if (started) bar.stop();
  }
}
