/**
 * Presigned URLs (V1 and V4, signed by unmodified ali-oss) edited after signing must fail:
 * the signature, the credential (key, date, region), the date, the lifetime, the signed
 * headers, the path, the method and any added signed parameter. Each untampered URL works,
 * so every rejection below is the tamper's doing.
 */
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { aliClient, rawRequest, xmlField, type RawResponse } from './auth-clients';

let emu: RunningEmulator;
let client: OSS;
const bucket = 'tamper';
beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  const owner = emu.accounts.find((k) => k.name === 'sandbox')!;
  await aliClient(emu, { credentials: owner, v4: true }).putBucket(bucket);
  client = aliClient(emu, { credentials: owner, v4: true, bucket });
  await client.put('k.txt', Buffer.from('secret body'));
  await client.put('other.txt', Buffer.from('other body'));
});
afterAll(async () => {
  await emu?.close();
});

/** The URL with one query parameter replaced (or removed with `undefined`), keeping the rest as signed. */
function edit(url: string, name: string, value: string | undefined): string {
  const u = new URL(url);
  if (value === undefined) u.searchParams.delete(name);
  else u.searchParams.set(name, value);
  return u.toString();
}

/** Flips the last character of a hex or base64 signature to another valid character. */
function flip(signature: string): string {
  const last = signature.at(-1) === '=' ? signature.length - 2 : signature.length - 1;
  const c = signature[last]!;
  return `${signature.slice(0, last)}${c === 'a' ? 'b' : 'a'}${signature.slice(last + 1)}`;
}

function code(res: RawResponse): string {
  return `${res.status} ${xmlField(res.text, 'Code') ?? ''}`;
}

const get = (url: string, headers?: Record<string, string>) => rawRequest(url, { headers });
const put = (url: string, body: string, headers: Record<string, string>) => rawRequest(url, { method: 'PUT', body, headers });

describe('V4 presigned URLs refuse every tamper', () => {
  const signGet = () => client.signatureUrlV4('GET', 600, { headers: {}, queries: {} }, 'k.txt');

  it('works untouched', async () => {
    const res = await get(await signGet());
    expect([res.status, res.text]).toEqual([200, 'secret body']);
  });

  it('signature, date and lifetime', async () => {
    const url = await signGet();
    const signature = new URL(url).searchParams.get('x-oss-signature')!;
    expect(code(await get(edit(url, 'x-oss-signature', flip(signature))))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'x-oss-signature', signature.toUpperCase())))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'x-oss-signature', '')))).toBe('400 InvalidArgument');
    const date = new URL(url).searchParams.get('x-oss-date')!;
    const earlier = `${date.slice(0, 13)}${String((Number(date.slice(13, 15)) + 59) % 60).padStart(2, '0')}Z`;
    expect(code(await get(edit(url, 'x-oss-date', earlier)))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'x-oss-expires', '6000')))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'x-oss-expires', '599')))).toBe('403 SignatureDoesNotMatch');
  });

  it('credential: another key, a missing key, another day, another region, another service', async () => {
    const url = await signGet();
    const credential = new URL(url).searchParams.get('x-oss-credential')!;
    const [, day, region] = credential.split('/');
    const other = emu.accounts.find((k) => k.name === 'other-account')!;
    expect(code(await get(edit(url, 'x-oss-credential', credential.replace(/^[^/]+/, other.accessKeyId))))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'x-oss-credential', credential.replace(/^[^/]+/, 'LTAI5tNoSuchKey000000001'))))).toBe('403 InvalidAccessKeyId');
    expect(code(await get(edit(url, 'x-oss-credential', credential.replace(`/${day}/`, '/20200101/'))))).toBe('400 InvalidArgument');
    expect(code(await get(edit(url, 'x-oss-credential', credential.replace(`/${region}/`, '/cn-shanghai/'))))).toBe('400 InvalidArgument');
    expect(code(await get(edit(url, 'x-oss-credential', credential.replace('/oss/', '/sts/'))))).toBe('400 InvalidArgument');
  });

  it('path, method and added parameters', async () => {
    const url = await signGet();
    expect(code(await get(url.replace('/k.txt', '/other.txt')))).toBe('403 SignatureDoesNotMatch');
    expect(code(await rawRequest(url, { method: 'DELETE' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'overwritten', {}))).toBe('403 SignatureDoesNotMatch');
    // V4 signs every parameter: a download forced to render as HTML must not pass.
    expect(code(await get(edit(url, 'response-content-type', 'text/html')))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'v', '2')))).toBe('403 SignatureDoesNotMatch');
    expect((await client.get('k.txt')).content.toString()).toBe('secret body');
  });

  it('signed headers: Content-Type, x-oss-* and additional headers cannot be changed, dropped or unlisted', async () => {
    const headers = { 'Content-Type': 'text/plain', 'x-oss-meta-owner': 'alice', 'x-oss-object-acl': 'private' };
    const url = await client.signatureUrlV4('PUT', 600, { headers }, 'upload.txt');
    const withDisposition = { ...headers, 'Content-Disposition': 'inline' };
    const signedWithDisposition = await client.signatureUrlV4('PUT', 600, { headers: withDisposition }, 'upload.txt', ['content-disposition']);
    expect(code(await put(signedWithDisposition, 'ok', withDisposition))).toBe('200 ');
    expect(code(await put(url, 'x', { ...headers, 'Content-Type': 'text/html' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'x', { ...headers, 'x-oss-object-acl': 'public-read' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'x', { ...headers, 'x-oss-meta-owner': 'mallory' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'x', { 'Content-Type': 'text/plain', 'x-oss-meta-owner': 'alice' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'x', { ...headers, 'x-oss-forbid-overwrite': 'false' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(signedWithDisposition, 'x', { ...withDisposition, 'Content-Disposition': 'attachment' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(edit(signedWithDisposition, 'x-oss-additional-headers', undefined), 'x', withDisposition))).toBe('403 SignatureDoesNotMatch');
    expect((await client.get('upload.txt')).content.toString()).toBe('ok');
    expect((await client.getACL('upload.txt')).acl).toBe('private');
  });
});

describe('V1 presigned URLs refuse every tamper', () => {
  const signGet = () => client.signatureUrl('k.txt', { expires: 600 });

  it('works untouched', async () => {
    const res = await get(signGet());
    expect([res.status, res.text]).toEqual([200, 'secret body']);
  });

  it('signature, key and expiry', async () => {
    const url = signGet();
    const signature = new URL(url).searchParams.get('Signature')!;
    expect(code(await get(edit(url, 'Signature', flip(signature))))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'Signature', '')))).toBe('400 InvalidArgument');
    const other = emu.accounts.find((k) => k.name === 'other-account')!;
    expect(code(await get(edit(url, 'OSSAccessKeyId', other.accessKeyId)))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'OSSAccessKeyId', 'LTAI5tNoSuchKey000000001')))).toBe('403 InvalidAccessKeyId');
    const expires = Number(new URL(url).searchParams.get('Expires'));
    expect(code(await get(edit(url, 'Expires', String(expires + 3600))))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'Expires', String(expires - 1))))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'Expires', `${expires}.0`)))).toBe('400 InvalidArgument');
  });

  it('path, method and added signed sub-resources', async () => {
    const url = signGet();
    expect(code(await get(url.replace('/k.txt', '/other.txt')))).toBe('403 SignatureDoesNotMatch');
    expect(code(await rawRequest(url, { method: 'DELETE' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'response-content-type', 'text/html')))).toBe('403 SignatureDoesNotMatch');
    expect(code(await get(edit(url, 'response-content-disposition', 'inline')))).toBe('403 SignatureDoesNotMatch');
    expect((await client.get('k.txt')).content.toString()).toBe('secret body');
  });

  it('signed headers: Content-Type, Content-MD5 and x-oss-* cannot be changed or dropped', async () => {
    const md5 = 'XUFAKrxLKna5cZ2REBfFkg==';
    const url = client.signatureUrl('v1-upload.txt', { method: 'PUT', expires: 600, 'Content-Type': 'text/plain', 'x-oss-meta-owner': 'alice' } as never);
    expect(code(await put(url, 'ok', { 'Content-Type': 'text/plain', 'x-oss-meta-owner': 'alice' }))).toBe('200 ');
    expect(code(await put(url, 'x', { 'Content-Type': 'text/html', 'x-oss-meta-owner': 'alice' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'x', { 'Content-Type': 'text/plain', 'x-oss-meta-owner': 'mallory' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'x', { 'Content-Type': 'text/plain' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'x', { 'Content-Type': 'text/plain', 'x-oss-meta-owner': 'alice', 'x-oss-object-acl': 'public-read' }))).toBe('403 SignatureDoesNotMatch');
    expect(code(await put(url, 'hello', { 'Content-Type': 'text/plain', 'x-oss-meta-owner': 'alice', 'Content-MD5': md5 }))).toBe('403 SignatureDoesNotMatch');
    expect((await client.get('v1-upload.txt')).content.toString()).toBe('ok');
    expect((await client.getACL('v1-upload.txt')).acl).toBe('default');
  });
});
