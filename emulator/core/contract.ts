/**
 * The seam between the emulator's two halves:
 *  - the gate (server.ts, auth/, iam/, sts/, faults/, admin/): addressing, authentication,
 *    RAM policy evaluation, side endpoints (STS, credentials URI, ECS metadata), faults;
 *  - the store (store/, ops/): buckets, objects, listing, multipart, integrity.
 * The gate turns an HTTP request into a RequestContext, asks the store's OperationRegistry
 * which OSS operation it is (so it can authorize the RAM action), then lets it run.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Effect = 'Allow' | 'Deny';

/** A RAM policy document, as OSS reads it (Action/Resource accept `*` and `?` wildcards). */
export interface PolicyDocument {
  Version?: string;
  Statement: Array<{
    Effect: Effect;
    Action: string | string[];
    Resource: string | string[];
    /**
     * Added by the gate (additive): RAM conditions, e.g.
     * `{ StringLike: { 'oss:Prefix': ['photos/*'] } }`. Operators: StringEquals,
     * StringNotEquals, StringLike, StringNotLike; keys are case-insensitive.
     */
    Condition?: Record<string, Record<string, string | string[]>>;
  }>;
}

/** Who signed the request. `null` in RequestContext means anonymous. */
export interface Principal {
  /** The account that owns the key (and so the buckets it creates). */
  accountId: string;
  accessKeyId: string;
  kind: 'account' | 'ram-user' | 'sts';
  /** Display name: account name, RAM user name, or `role/session`. */
  name: string;
  /**
   * Policies that all must allow (intersection): a RAM user has one entry (its merged
   * policy); an STS session has the role's policy and, when given, the inline policy.
   * Empty for an account's own AccessKey (full access to its own resources).
   */
  policySets: PolicyDocument[][];
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  method: string;
  /** Bucket from the path (path style) or Host (virtual-host style); null for service-level requests. */
  bucket: string | null;
  /** Object key, percent-decoded to the exact UTF-8 string; null when the request has no key. */
  key: string | null;
  /** Query parameters, decoded; a sub-resource without a value (`?acl`) maps to ''. */
  query: Map<string, string>;
  /** Region of the endpoint the request came in on, e.g. 'oss-cn-hangzhou'. */
  region: string;
  /** Host as the client sent it, for Location headers and URLs. */
  host: string;
  principal: Principal | null;
  /** The emulator's clock (a clock-offset fault moves it). */
  now(): Date;
  /** RAM policy evaluation for this principal; always true for an account's own key. */
  authorize(action: string, resource: string): boolean;
}

/** An OSS-style error; the gate renders it as error XML (or `x-oss-err` for HEAD). */
export class OssError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** OSS EC code, e.g. '0003-00000001'. */
    readonly ec: string = '0000-00000000',
    /** Extra elements for the error XML (e.g. StringToSign, Endpoint, BucketName). */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'OssError';
  }
}

/** A resolved OSS operation. */
export interface Operation {
  /** RAM action name, e.g. 'oss:GetObject', 'oss:ListObjects', 'oss:PutBucket'. */
  action: string;
  /** OSS's operation name, e.g. 'GetObject', 'UploadPart' (added by the store; the gate uses it for traffic limits). */
  name?: string;
  /** Runs the operation; writes the response or throws OssError. */
  handle(ctx: RequestContext): Promise<void>;
}

export interface BucketSummary {
  name: string;
  /** e.g. 'oss-cn-hangzhou'. */
  region: string;
  ownerAccountId: string;
  acl: 'private' | 'public-read' | 'public-read-write';
}

/** What the gate needs from the store. */
export interface Store {
  /** Metadata of a bucket, or null if it does not exist. */
  getBucket(name: string): Promise<BucketSummary | null>;
  /** ACL that applies to an object for anonymous access ('default' follows the bucket). */
  getObjectAcl(bucket: string, key: string): Promise<'default' | 'private' | 'public-read' | 'public-read-write' | null>;
  /** Operation for a request; throws OssError for an unsupported/invalid one. */
  resolve(ctx: RequestContext): Operation;
  /**
   * Optional (added by the gate): the bucket's CORS response headers for this request, so
   * errors the gate sends itself (403 signature, expired URL…) stay readable in a browser,
   * as on OSS. Return {} when no rule matches.
   */
  corsHeaders?(ctx: RequestContext): Promise<Record<string, string>> | Record<string, string>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Directory for data and metadata; omit with memory: true. */
  dataDir?: string;
  memory?: boolean;
  /** Delay before a RestoreObject request completes (ms). */
  restoreDelayMs?: number;
}
