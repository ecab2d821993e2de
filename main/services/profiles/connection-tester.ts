/**
 * "Test connection": proves a profile can sign in before it is saved. Without a start path
 * it lists buckets; with one (`oss://bucket/prefix/`, for users allowed only that path) it
 * makes one list call there. The bucket's region is found (and a wrong one corrected)
 * through the app's own client factory (the draft session is registered with it for the
 * test), so the test exercises the real path.
 */
import { profileErrorHints, type ConnectionTestResult, type StartPath } from '../../../shared/profile-types';
import type { OssClientFactory, ProfileSession } from '../oss/client-factory';


/**
 * The user may not list buckets (OSS said AccessDenied); a start path would let them in. Its
 * own code so the hint (and its translation) can say exactly that.
 */
export class ListBucketsDeniedError extends Error {
  readonly code = 'ListBucketsDenied';
  readonly hint = profileErrorHints.ListBucketsDenied;
  constructor(
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ListBucketsDeniedError';
  }
}

/** Tests `session` through `factory`, which must resolve the session's id to it. */
export async function testConnection(factory: OssClientFactory, session: ProfileSession, startPath: StartPath | undefined): Promise<ConnectionTestResult> {
  const id = session.record.id;
  const expiresAt = () => session.provider.expiresAt()?.toISOString();
  if (startPath) {
    if (startPath.region) factory.rememberRegion(id, startPath.bucket, startPath.region);
    const client = await factory.forBucket(id, startPath.bucket);
    await client.list({ prefix: startPath.prefix, delimiter: '/', 'max-keys': 1 }, {});
    const region = await factory.bucketRegion(id, startPath.bucket);
    const openAt: StartPath = { ...startPath, region };
    const result: ConnectionTestResult = { ok: true, buckets: [{ name: startPath.bucket, region }], openAt, resolvedRegion: region };
    const exp = expiresAt();
    if (exp) result.expiresAt = exp;
    return result;
  }
  const client = await factory.forService(id);
  // @types/ali-oss declares Bucket[]; ali-oss really returns { buckets, owner, … }.
  let listed: { buckets?: Array<{ name: string; region: string }> | null };
  try {
    listed = (await client.listBuckets({ 'max-keys': 1000 } as never, {})) as unknown as typeof listed;
  } catch (err) {
    const e = err as { code?: string; message?: string; requestId?: string };
    if (e.code === 'AccessDenied') throw new ListBucketsDeniedError(e.message?.split('\n')[0] ?? 'Access denied.', e.requestId);
    throw err;
  }
  const buckets = (listed.buckets ?? []).map((b) => ({ name: b.name, region: b.region }));
  const result: ConnectionTestResult = { ok: true, buckets };
  const exp = expiresAt();
  if (exp) result.expiresAt = exp;
  return result;
}
