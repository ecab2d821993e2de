/** DeleteObject and DeleteMultipleObjects (`POST ?delete`). */
import { createHash } from 'node:crypto';
import { OssError, type RequestContext } from '../core/contract';
import { assertObjectKey } from '../keys';
import type { Engine } from '../store/engine';
import { listOf, malformed, parseXmlBody, textOf } from '../xml/xml-parse';
import { invalidArgument, q, readSmallBody, sendEmpty, sendXml, urlEncodeKey } from './http-util';
import { expectedMd5, invalidDigest } from './put-object';

/** 204 whether or not the key existed, as OSS does. */
export async function deleteObject(engine: Engine, ctx: RequestContext): Promise<void> {
  const key = ctx.key as string;
  assertObjectKey(key);
  await engine.deleteObject(ctx.bucket as string, key);
  sendEmpty(ctx, 204);
}

export async function deleteMultipleObjects(engine: Engine, ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket as string;
  engine.requireBucket(bucket);
  const encoding = q(ctx, 'encoding-type');
  if (encoding !== undefined && encoding !== '' && encoding !== 'url') throw invalidArgument('The encoding-type is invalid.', 'encoding-type', encoding);
  const md5 = expectedMd5(ctx);
  if (md5 === null) throw new OssError(400, 'MissingArgument', 'Missing Some Required Arguments.', '0016-00000502', { ArgumentName: 'Content-MD5' });
  const body = await readSmallBody(ctx);
  if (createHash('md5').update(body).digest('hex') !== md5) throw invalidDigest();
  const root = parseXmlBody(body.toString('utf8'), 'Delete');
  const quiet = (textOf(root, 'Quiet') ?? 'false').trim().toLowerCase() === 'true';
  const keys = listOf(root, 'Object').map((o) => textOf(o, 'Key'));
  if (keys.length === 0 || keys.length > 1000 || keys.some((k) => k === undefined)) throw malformed();
  for (const key of keys as string[]) {
    assertObjectKey(key);
    // Anonymous callers were admitted by the bucket ACL; signed ones answer to their policies per key.
    if (ctx.principal && !ctx.authorize('oss:DeleteObject', `acs:oss:*:*:${bucket}/${key}`)) {
      throw new OssError(403, 'AccessDenied', 'You have no right to access this object because of bucket acl.', '0003-00000301');
    }
  }
  for (const key of keys as string[]) await engine.deleteObject(bucket, key);
  const encode = encoding === 'url' ? urlEncodeKey : (s: string) => s;
  sendXml(ctx, 200, 'DeleteResult', {
    EncodingType: encoding === 'url' ? 'url' : undefined,
    Deleted: quiet ? undefined : (keys as string[]).map((key) => ({ Key: encode(key) })),
  });
}
