/**
 * What a copy must carry explicitly. A new object (CopyObject, InitiateMultipartUpload,
 * PutObject) gets the ACL "default" — inherit the bucket's — unless told otherwise, so a
 * private file moved inside a public-read bucket would become public; multipart and
 * streamed copies also drop the storage class and tags. The ACL is sent with the request
 * that creates the object, so the copy is never readable by the wrong people, not even briefly.
 */
import type OSS from 'ali-oss';
import type { ObjectAcl } from '../../../shared/object-types';

/** The properties a copy sets on the new object. */
export interface CopiedProperties {
  acl: ObjectAcl;
  /** Omitted when unknown (the bucket's default class applies). */
  storageClass?: string;
  /** `x-oss-tagging` value; only for paths where OSS does not copy tags itself. */
  tagging?: string;
}

/**
 * The source's ACL. Unlike the details pane, a copy or rewrite does not carry on without
 * it: the error is rethrown (code and request ID intact) with a first sentence saying the
 * object was left alone, e.g. `refusal` = 'Not copied'.
 */
export async function sourceAcl(client: OSS, key: string, refusal = 'Not copied'): Promise<ObjectAcl> {
  try {
    return (await client.getACL(key)).acl as ObjectAcl;
  } catch (error) {
    if (error instanceof Error) error.message = `${refusal}: who may open it (its ACL) could not be read, so the result could end up visible to others. ${error.message}`;
    throw error;
  }
}

/** `k1=v1&k2=v2`, URL-encoded, as x-oss-tagging wants it. */
export function taggingValue(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

/** An object's tags (ali-oss has getObjectTagging; its typings do not). */
export async function objectTags(client: OSS, key: string): Promise<Record<string, string>> {
  const tagging = client as unknown as { getObjectTagging(name: string): Promise<{ tag?: Record<string, string> }> };
  return (await tagging.getObjectTagging(key)).tag ?? {};
}

/** The source's tags as an x-oss-tagging value, read only when its HEAD/GET says it has any. */
export async function sourceTagging(client: OSS, key: string, headers: Record<string, string | undefined>): Promise<string | undefined> {
  if (!Number(headers['x-oss-tagging-count'] ?? 0)) return undefined;
  return taggingValue(await objectTags(client, key)) || undefined;
}

/** Request headers that give the new object these properties. */
export function propertyHeaders(props: CopiedProperties): Record<string, string> {
  const headers: Record<string, string> = {};
  if (props.acl !== 'default') headers['x-oss-object-acl'] = props.acl;
  if (props.storageClass) headers['x-oss-storage-class'] = props.storageClass;
  if (props.tagging) headers['x-oss-tagging'] = props.tagging;
  return headers;
}
