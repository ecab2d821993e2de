/**
 * Buckets: list (every page), create (name checked before any request), delete (only when
 * empty — OSS answers BucketNotEmpty, which the IPC layer turns into a hint) and info.
 * Requests about one bucket go through `forBucket`, which routes to the bucket's region.
 */
import type OSS from 'ali-oss';
import { checkBucketName } from '../../../shared/bucket-name';
import { AppException, ErrorCode } from '../../../shared/errors';
import type { BucketAcl, BucketInfo, BucketRow, StorageClass } from '../../../shared/object-types';
import type { ClientProvider } from '../oss/client-provider';
import { errorStatus } from '../oss/describe-error';

interface ListBucketsPage {
  buckets: Array<{ name: string; region: string; creationDate: string; storageClass: string }> | null;
  isTruncated: boolean;
  nextMarker: string | null;
}

export interface CreateBucketRequest {
  profileId: string;
  name: string;
  region: string;
  storageClass: StorageClass;
  acl: BucketAcl;
}

/** Returns a client whose endpoint is in `region`, for creating bucket `bucket` there. */
export type RegionClientFactory = (profileId: string, region: string, bucket: string) => Promise<OSS>;

/** A provider that can be told a bucket's region up front (the profiles client factory can). */
interface RegionAware {
  rememberRegion(profileId: string, bucket: string, region: string): void;
}

/**
 * The default way to reach a region: tell a region-aware provider where the new bucket
 * will live and take a client for it (so PutBucket goes to that region's endpoint);
 * otherwise the profile's service client.
 */
export function regionClientsFrom(clients: ClientProvider): RegionClientFactory {
  const aware = clients as Partial<RegionAware>;
  if (typeof aware.rememberRegion !== 'function') return (profileId) => clients.forService(profileId);
  return (profileId, region, bucket) => {
    aware.rememberRegion!(profileId, bucket, region);
    return clients.isolatedForBucket(profileId, bucket);
  };
}

type Dict = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Bucket-level operations. */
export class BucketService {
  private readonly clientForRegion: RegionClientFactory;

  constructor(
    private readonly clients: ClientProvider,
    clientForRegion?: RegionClientFactory,
  ) {
    this.clientForRegion = clientForRegion ?? regionClientsFrom(clients);
  }

  /** Every bucket of the profile, following ListBuckets paging. */
  async list(profileId: string): Promise<BucketRow[]> {
    const client = await this.clients.forService(profileId);
    const rows: BucketRow[] = [];
    let marker: string | null = null;
    do {
      const query: Record<string, string | number> = { 'max-keys': 1000 };
      if (marker) query.marker = marker;
      const page = (await client.listBuckets(query as OSS.ListBucketsQueryType)) as unknown as ListBucketsPage;
      for (const b of page.buckets ?? []) {
        rows.push({ name: b.name, region: b.region, storageClass: b.storageClass ?? 'Standard', creationDate: Date.parse(b.creationDate) || 0 });
      }
      marker = page.isTruncated ? page.nextMarker : null;
    } while (marker);
    return rows;
  }

  /** Creates a bucket after checking its name locally. */
  async create(request: CreateBucketRequest): Promise<BucketRow> {
    const check = checkBucketName(request.name);
    if (!check.ok) throw new AppException({ code: ErrorCode.InvalidArgument, message: check.reason });
    const client = await this.clientForRegion(request.profileId, request.region, request.name);
    await client.putBucket(request.name, { StorageClass: request.storageClass, acl: request.acl } as unknown as OSS.PutBucketOptions);
    return { name: request.name, region: request.region, storageClass: request.storageClass, creationDate: Date.now() };
  }

  /** Deletes a bucket; OSS refuses a non-empty one with BucketNotEmpty. */
  async delete(profileId: string, bucket: string): Promise<void> {
    const client = await this.clients.forBucket(profileId, bucket);
    await client.deleteBucket(bucket);
  }

  /** ACL, region, endpoints, storage class, versioning and a CORS summary. */
  async info(profileId: string, bucket: string): Promise<BucketInfo> {
    const client = await this.clients.forBucket(profileId, bucket);
    let corsUnavailable = false;
    const [info, cors] = await Promise.all([
      client.getBucketInfo(bucket) as Promise<{ bucket: Dict }>,
      client.getBucketCORS(bucket).catch((error: unknown) => {
        // No CORS configuration is a 404 (NoSuchCORSConfiguration), not a failure; a
        // user without oss:GetBucketCors still gets the rest of the panel.
        if (errorStatus(error) === 404) return { rules: [] };
        if (errorStatus(error) === 403) {
          corsUnavailable = true;
          return { rules: [] };
        }
        throw error;
      }),
    ]);
    const b = info.bucket;
    const policy = (b.AccessControlList ?? {}) as Dict;
    // GetBucketInfo carries the ACL; ask GetBucketAcl only when it does not.
    const acl = text(policy.Grant) || text((await client.getBucketACL(bucket)).acl);
    const origins = new Set<string>();
    const methods = new Set<string>();
    for (const rule of cors.rules as unknown as Dict[]) {
      for (const o of [rule.allowedOrigin].flat()) if (typeof o === 'string') origins.add(o);
      for (const m of [rule.allowedMethod].flat()) if (typeof m === 'string') methods.add(m);
    }
    const result: BucketInfo = {
      name: text(b.Name) || bucket,
      region: text(b.Location),
      storageClass: text(b.StorageClass) || 'Standard',
      creationDate: Date.parse(text(b.CreationDate)) || 0,
      acl: acl || 'private',
      extranetEndpoint: text(b.ExtranetEndpoint),
      intranetEndpoint: text(b.IntranetEndpoint),
      cors: { rules: cors.rules.length, allowedOrigins: [...origins], allowedMethods: [...methods] },
      versioning: text(b.Versioning) || 'Disabled',
    };
    if (corsUnavailable) result.corsUnavailable = true;
    return result;
  }
}
