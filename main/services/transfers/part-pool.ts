/**
 * The parallel-part loop uploads and ranged downloads share: `parallel` workers take part
 * numbers from `todo` in order; after each part, `save` (the checkpoint write, atomic and
 * fsynced) is chained behind the previous one, so a slower older write never lands last.
 * A connection does not wait for the write: it starts its next part at once, and saves
 * asked for while one is still waiting to start are one save (it writes the newest state).
 * A kill loses at most the parts since the last write — an upload adopts those from
 * ListParts when their CRC-64 matches. The first failure (of a part or a save) stops new
 * parts from starting; the parts already running finish, the pending saves land, and then
 * that first failure is thrown.
 *
 * `finish` (optional) is a part's last step that need not hold its connection — a download
 * range's CRC-64, hashed on a worker from the page cache: the worker starts its next range
 * meanwhile, and the save follows the finish.
 */
export interface PartPoolOptions {
  /** Part numbers still to do, in the order to do them. */
  todo: readonly number[];
  parallel: number;
  /** Moves one part (with its own retries); without `finish`, also records it in the checkpoint object. */
  part(n: number): Promise<void>;
  /** Completes a moved part off the connection (and records it in the checkpoint object). */
  finish?(n: number): Promise<void>;
  /** Writes the checkpoint after a part. */
  save(): Promise<void>;
}

export async function runParts(options: PartPoolOptions): Promise<void> {
  const todo = [...options.todo];
  let saving = Promise.resolve();
  let failed: { err: unknown } | undefined;
  const finishing: Array<Promise<void>> = [];
  let waiting = false;
  const save = (): void => {
    if (waiting) return;
    waiting = true;
    // A failed write stops the pool; the chain goes on (a later write may still land).
    saving = saving
      .then(() => {
        waiting = false;
        return options.save();
      })
      .catch((err: unknown) => {
        failed ??= { err };
      });
  };
  const worker = async (): Promise<void> => {
    while (todo.length > 0 && failed === undefined) {
      const n = todo.shift()!;
      try {
        await options.part(n);
        if (options.finish) {
          finishing.push(
            options
              .finish(n)
              .then(save)
              .catch((err: unknown) => {
                failed ??= { err };
              }),
          );
        } else save();
      } catch (err) {
        failed ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.parallel), todo.length) }, worker));
  await Promise.all(finishing);
  await saving;
  if (failed !== undefined) throw failed.err;
}

/** The part numbers 1…count that are not in `done`. */
export function missingParts(count: number, done: Iterable<{ number: number }>): number[] {
  const have = new Set<number>();
  for (const p of done) have.add(p.number);
  const todo: number[] = [];
  for (let n = 1; n <= count; n++) if (!have.has(n)) todo.push(n);
  return todo;
}
