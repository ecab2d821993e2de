/**
 * CopyObject with exactly the headers we mean. ali-oss's copy() mirrors every header it is
 * given as an `x-oss-copy-source-<name>` header (which OSS does not define), so in-place
 * edits and no-overwrite copies go through ali-oss's signed request path directly.
 */
import type OSS from 'ali-oss';

/** ali-oss internals used to send a signed request with exactly the given headers. */
interface RawRequester {
  _objectRequestParams(method: string, name: string, options: { headers?: Record<string, string> }): Record<string, unknown>;
  request(params: Record<string, unknown>): Promise<unknown>;
}

/** Copies `sourceBucket/sourceKey` to `targetKey` in the bucket `target` is bound to. */
export async function copyObject(
  target: OSS,
  targetKey: string,
  sourceBucket: string,
  sourceKey: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const raw = target as unknown as RawRequester;
  const params = raw._objectRequestParams('PUT', targetKey, {
    headers: { ...headers, 'x-oss-copy-source': `/${sourceBucket}/${encodeURIComponent(sourceKey)}` },
  });
  params.successStatuses = [200];
  await raw.request(params);
}
