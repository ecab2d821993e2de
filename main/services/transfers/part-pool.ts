/**
 * The parallel-part loop uploads and ranged downloads share: `parallel` workers take part
 * numbers from `todo` in order; after each part, `save` (the checkpoint write) is chained
 * behind the previous one, so a slower older write never lands last. The first failure
 * stops new parts from starting; the parts already running finish, the pending saves land,
 * and then that first failure is thrown.
 */
export interface PartPoolOptions {
  /** Part numbers still to do, in the order to do them. */
  todo: readonly number[];
  parallel: number;
  /** Moves one part (with its own retries) and records it in the checkpoint object. */
  part(n: number): Promise<void>;
  /** Writes the checkpoint after a part. */
  save(): Promise<void>;
}

export async function runParts(options: PartPoolOptions): Promise<void> {
  const todo = [...options.todo];
  let saving = Promise.resolve();
  let failed: { err: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (todo.length > 0 && failed === undefined) {
      const n = todo.shift()!;
      try {
        await options.part(n);
        saving = saving.then(() => options.save());
        await saving;
      } catch (err) {
        failed ??= { err };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, options.parallel), todo.length) }, worker));
  await saving.catch(() => undefined);
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
