/**
 * Background work after a mutation's answer that one pass finishes, but that a later mutation may
 * give more of: `inPasses(task)` gives a function that runs `task` unless it is running, and a call
 * while it runs asks for one more pass after it, so that nothing a later mutation left waits for
 * the mutation after that. A failed pass ends the passes; what it left is for the next call.
 */
export function inPasses(task: () => Promise<void>, onError: (error: Error) => void): () => Promise<void> {
  let running = false;
  let again = false;
  return async () => {
    again = true;
    if (running) return;
    running = true;
    try {
      while (again) {
        again = false;
        await task();
      }
    } catch (error) {
      onError(error as Error);
    } finally {
      running = false;
    }
  };
}
