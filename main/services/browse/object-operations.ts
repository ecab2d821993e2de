/**
 * The long-operation entry points the IPC handlers call: delete, copy/move and rename each
 * validate their plan at once (so a bad request fails immediately) and then run in the
 * background as jobs (services/jobs).
 */
import { baseName } from '../../../shared/oss-path';
import type { CopyConflictRequest } from './copy-conflicts';
import { freeTargetKey } from './copy-names';
import { assertNoSelfNesting, type CopyPlan, type CopySource, type ObjectCopier } from './object-copy';
import { assertFolderKeys, type DeleteItem, type ObjectDeleter } from './object-delete';
import type { CopyConflicts, OperationProgress } from '../../../shared/object-types';
import { toOperationProgress } from './operation-progress';
import type { OperationRunner } from './operation-runner';

export interface CopyRequest {
  profileId: string;
  bucket: string;
  items: DeleteItem[];
  targetBucket: string;
  targetPrefix: string;
  move: boolean;
  /**
   * true: replace keys that already exist at the target. Otherwise (the default) such keys
   * are left alone and reported as skipped, never replaced.
   */
  overwrite?: boolean;
  /**
   * Keep both: an item whose name is taken at the target gets a free "name (copy).ext",
   * "name (copy 2).ext"… instead (a paste into the folder it came from); nothing is replaced.
   */
  keepBoth?: boolean;
}

export interface RenameRequest {
  profileId: string;
  bucket: string;
  fromKey: string;
  toKey: string;
  isPrefix: boolean;
}

/** Starts and cancels delete/copy/move/rename operations. */
export class ObjectOperations {
  constructor(
    private readonly runner: OperationRunner,
    private readonly deleter: ObjectDeleter,
    private readonly copier: ObjectCopier,
  ) {}

  startDelete(profileId: string, bucket: string, items: DeleteItem[]): string {
    assertFolderKeys(items);
    return this.runner.start('delete', (ctx) => this.deleter.run(ctx, profileId, bucket, items));
  }

  /** Copies/moves items into a folder, keeping each item's own name. */
  startCopy(request: CopyRequest): string {
    assertFolderKeys(request.items);
    const sources: CopySource[] = request.items.map((item) => ({
      from: item.key,
      to: request.targetPrefix + baseName(item.key) + (item.isPrefix ? '/' : ''),
      isPrefix: item.isPrefix,
    }));
    const plan: CopyPlan = {
      profileId: request.profileId,
      sourceBucket: request.bucket,
      targetBucket: request.targetBucket,
      sources,
      move: request.move,
      noOverwrite: request.overwrite !== true || request.keepBoth === true,
      skipExisting: request.overwrite !== true && request.keepBoth !== true,
    };
    if (!request.keepBoth) {
      assertNoSelfNesting(plan);
      return this.runner.start(request.move ? 'move' : 'copy', (ctx) => this.copier.run(ctx, plan));
    }
    // An item pasted onto itself gets a new name below; a folder into its own subfolder is refused now.
    assertNoSelfNesting({ ...plan, sources: sources.filter((s) => !(plan.sourceBucket === plan.targetBucket && s.from === s.to)) });
    return this.runner.start(request.move ? 'move' : 'copy', async (ctx) => {
      const claimed = new Set<string>();
      const taken = (key: string, isPrefix: boolean) => this.copier.keyTaken(request.profileId, request.targetBucket, key, isPrefix);
      const renamed: CopySource[] = [];
      for (const s of sources) {
        const to = await freeTargetKey(request.targetPrefix, baseName(s.from), s.isPrefix, (key) => taken(key, s.isPrefix), claimed);
        renamed.push({ ...s, to });
      }
      await this.copier.run(ctx, { ...plan, sources: renamed });
    });
  }

  /** Which items already have a namesake in the target folder (asked before a paste into another folder). */
  conflicts(request: CopyConflictRequest): Promise<CopyConflicts> {
    assertFolderKeys(request.items);
    return this.copier.conflicts(request);
  }

  /** Renames an object, or a folder (copy every key under it, then delete the originals). */
  startRename(request: RenameRequest): string {
    assertFolderKeys([{ key: request.fromKey, isPrefix: request.isPrefix }]);
    const toKey = request.isPrefix && !request.toKey.endsWith('/') ? `${request.toKey}/` : request.toKey;
    const plan = {
      profileId: request.profileId,
      sourceBucket: request.bucket,
      targetBucket: request.bucket,
      sources: [{ from: request.fromKey, to: toKey, isPrefix: request.isPrefix }],
      move: true,
      // A rename never replaces another object: a clash fails that key and keeps the original.
      noOverwrite: true,
    };
    assertNoSelfNesting(plan);
    return this.runner.start('move', (ctx) => this.copier.run(ctx, plan));
  }

  cancel(operationId: string): void {
    this.runner.cancel(operationId);
  }

  /** The final progress of an operation (tests wait on it). */
  async wait(operationId: string): Promise<OperationProgress | undefined> {
    const final = await this.runner.wait(operationId);
    return final && toOperationProgress(final);
  }
}
