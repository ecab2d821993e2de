/** The bucket and key an object-writing operation targets, checked once for all of them. */
import type { RequestContext } from '../core/contract';
import { assertObjectKey } from '../keys';
import type { BucketState, Engine } from '../store/engine';

/** The request's bucket (which must exist) and its key (which must be a valid object name). */
export function writeTarget(engine: Engine, ctx: RequestContext): { bucket: string; key: string; state: BucketState } {
  const bucket = ctx.bucket as string;
  const key = ctx.key as string;
  const state = engine.requireBucket(bucket);
  assertObjectKey(key);
  return { bucket, key, state };
}
