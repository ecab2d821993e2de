/**
 * Per-object actions that do not move data around: details (HEAD + ACL), object ACL,
 * HTTP headers and x-oss-meta-* (copy onto itself with REPLACE), storage class (copy onto
 * itself), Archive restore, new folders and symlinks. OSS errors are rethrown untouched so
 * the IPC layer keeps their code, request ID and EC.
 */
import type OSS from 'ali-oss';
import { AppException, ErrorCode } from '../../../shared/errors';
import type { ObjectAcl, ObjectDetails, ObjectHeaders, ObjectRow, RestoreState, StorageClass } from '../../../shared/object-types';
import { baseName } from '../../../shared/oss-path';
import type { ClientProvider } from '../oss/client-provider';
import { carriedHeaders, multipartCopyObject, SINGLE_COPY_LIMIT } from '../oss/multipart-copy';
import { readAcl } from '../oss/object-acl';
import { propertyHeaders, sourceAcl, sourceTagging } from '../oss/copy-properties';
import { copyObject } from '../oss/raw-copy';
import { detailsFromHeaders, needsRestore, parseRestoreState, toHttpHeaders } from './object-details';

type Headers = Record<string, string | undefined>;

export interface ObjectMetadataOptions {
  /** Objects above this are rewritten with multipart copy (CopyObject stops at 1 GB). */
  multipartThreshold?: number;
  partSize?: number;
}

/** Object details and the edits of the details pane. */
export class ObjectMetadata {
  private readonly threshold: number;

  constructor(
    private readonly clients: ClientProvider,
    private readonly options: ObjectMetadataOptions = {},
  ) {
    this.threshold = options.multipartThreshold ?? SINGLE_COPY_LIMIT;
  }

  /** Everything the details pane shows. */
  async details(profileId: string, bucket: string, key: string): Promise<ObjectDetails> {
    const client = await this.clients.forBucket(profileId, bucket);
    const [head, acl] = await Promise.all([client.head(key), readAcl(client, key)]);
    const headers = head.res.headers as Headers;
    const details = detailsFromHeaders(bucket, key, headers, acl ?? 'default', objectUrl(client, key));
    if (acl === null) details.aclUnavailable = true;
    if (details.objectType === 'Symlink') details.symlinkTarget = (await client.getSymlink(key)).targetName;
    return details;
  }

  async setAcl(profileId: string, bucket: string, key: string, acl: ObjectAcl): Promise<ObjectDetails> {
    const client = await this.clients.forBucket(profileId, bucket);
    await client.putACL(key, acl as OSS.ACLType);
    return this.details(profileId, bucket, key);
  }

  /**
   * Replaces the HTTP headers and the whole x-oss-meta-* set. The storage class is sent
   * again so the rewrite keeps it.
   */
  async setHeaders(profileId: string, bucket: string, key: string, headers: ObjectHeaders, meta: Record<string, string>): Promise<ObjectDetails> {
    const client = await this.clients.forBucket(profileId, bucket);
    const current = (await client.head(key)).res.headers as Headers;
    const http: Record<string, string> = { ...toHttpHeaders(headers), 'x-oss-metadata-directive': 'REPLACE' };
    const storageClass = current['x-oss-storage-class'];
    if (storageClass) http['x-oss-storage-class'] = storageClass;
    for (const [name, value] of Object.entries(encodeMeta(meta))) http[`x-oss-meta-${name}`] = value;
    await this.rewrite(profileId, bucket, key, current, http);
    return this.details(profileId, bucket, key);
  }

  /** Changes the storage class by copying the object onto itself (metadata kept). */
  async setStorageClass(profileId: string, bucket: string, key: string, storageClass: StorageClass): Promise<ObjectDetails> {
    const client = await this.clients.forBucket(profileId, bucket);
    const current = (await client.head(key)).res.headers as Headers;
    const headers = Number(current['content-length'] ?? 0) > this.threshold ? carriedHeaders(current) : {};
    await this.rewrite(profileId, bucket, key, current, { ...headers, 'x-oss-storage-class': storageClass, 'x-oss-metadata-directive': 'COPY' });
    return this.details(profileId, bucket, key);
  }

  /**
   * Copies an object onto itself with new headers: CopyObject, or part by part above 1 GB.
   * A copy gets the default ACL, so the object's own ACL goes with the same request (never
   * a moment with the wrong one); the part-by-part path also carries the tags.
   */
  private async rewrite(profileId: string, bucket: string, key: string, current: Headers, headers: Record<string, string>): Promise<void> {
    const client = await this.clients.forBucket(profileId, bucket);
    const acl = await sourceAcl(client, key, 'Not changed');
    const size = Number(current['content-length'] ?? 0);
    if (size <= this.threshold) {
      await copyObject(client, key, bucket, key, { ...headers, ...propertyHeaders({ acl }) });
    } else {
      const { 'x-oss-metadata-directive': _directive, ...rest } = headers;
      const carried = { ...rest, ...propertyHeaders({ acl, tagging: await sourceTagging(client, key, current) }) };
      await multipartCopyObject(this.clients, { profileId, sourceBucket: bucket, from: key, targetBucket: bucket, to: key, size, headers: carried, partSize: this.options.partSize });
    }
  }

  /** Asks for a restore of an archived object; returns the state right after. */
  async restore(profileId: string, bucket: string, key: string, days: number, tier: 'Expedited' | 'Standard' | 'Bulk' = 'Standard'): Promise<RestoreState> {
    const client = await this.clients.forBucket(profileId, bucket);
    const headers = (await client.head(key)).res.headers as Headers;
    const storageClass = headers['x-oss-storage-class'] ?? 'Standard';
    if (!needsRestore(storageClass)) {
      throw new AppException({ code: ErrorCode.InvalidArgument, message: `"${baseName(key)}" is in the ${storageClass} class and can be read without a restore.` });
    }
    await client.restore(key, { type: storageClass, Days: days, JobParameters: tier } as unknown as OSS.RequestOptions);
    const after = (await client.head(key)).res.headers as Headers;
    return parseRestoreState(storageClass, after['x-oss-restore']);
  }

  /** Creates a folder marker (zero-byte object whose key ends with '/'). */
  async createFolder(profileId: string, bucket: string, key: string): Promise<ObjectRow> {
    const folderKey = key.endsWith('/') ? key : `${key}/`;
    const client = await this.clients.forBucket(profileId, bucket);
    await client.put(folderKey, Buffer.alloc(0));
    return { key: folderKey, name: baseName(folderKey), isPrefix: true, size: 0, lastModified: 0, etag: '', storageClass: '' };
  }

  /** Creates a symlink `key` → `target` (same bucket). */
  async createSymlink(profileId: string, bucket: string, key: string, target: string): Promise<ObjectRow> {
    const client = await this.clients.forBucket(profileId, bucket);
    await client.putSymlink(key, target);
    const headers = (await client.head(key)).res.headers as Headers;
    return {
      key,
      name: baseName(key),
      isPrefix: false,
      size: Number(headers['content-length'] ?? 0),
      lastModified: Date.parse(headers['last-modified'] ?? '') || Date.now(),
      etag: (headers.etag ?? '').replace(/"/g, ''),
      storageClass: headers['x-oss-storage-class'] ?? 'Standard',
      type: 'Symlink',
    };
  }

  async symlinkTarget(profileId: string, bucket: string, key: string): Promise<string> {
    const client = await this.clients.forBucket(profileId, bucket);
    return (await client.getSymlink(key)).targetName;
  }
}

/** The unsigned URL of an object (ali-oss builds it for the client's endpoint and style). */
function objectUrl(client: OSS, key: string): string {
  return (client as unknown as { _objectUrl(name: string): string })._objectUrl(key);
}

/**
 * Lowercases metadata names as OSS stores them. Values must be printable ASCII: HTTP
 * headers carry bytes, and a non-ASCII value would be signed differently from what OSS
 * receives, so it is refused with a clear message instead of a SignatureDoesNotMatch.
 */
function encodeMeta(meta: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(meta)) {
    if (!/^[\x20-\x7e]*$/.test(value)) {
      throw new AppException({
        code: ErrorCode.InvalidArgument,
        message: `The value of metadata "${name}" contains characters HTTP headers cannot carry.`,
        hint: 'Use plain ASCII text, or percent-encode the value (e.g. with encodeURIComponent).',
      });
    }
    out[name.toLowerCase()] = value;
  }
  return out;
}
