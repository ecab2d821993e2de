// Edges of the remote credential sources found by mutation testing (issue 15), against a
// real local HTTP server that answers as a credentials URI, an ECS metadata service or STS
// would: size caps, error answers, the metadata session token, the OIDC request's shape,
// and that an STS error never echoes the OIDC token.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { profileErrorHints as H } from '../../../shared/profile-types';
import { MAX_RESPONSE_BYTES, credentialsUriSource, ecsRamRoleSource, oidcRoleSource } from './remote-sources';
import { MAX_TOKEN_FILE_BYTES } from './token-files';

interface Seen { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }
type Answer = (req: Seen, res: http.ServerResponse) => void;

let server: http.Server;
let base: string;
let dir: string;
let seen: Seen[] = [];
let answer: Answer = (_req, res) => res.writeHead(500).end();

const CREDS = { AccessKeyId: 'STS.id', AccessKeySecret: 'secret', SecurityToken: 'token', Expiration: '2030-01-01T00:00:00Z' };
const json = (res: http.ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'remote-sources-'));
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
      seen.push(s);
      answer(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  seen = [];
});

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as { code?: string; message?: string; hint?: string; status?: number });

describe('credentials URI answers', () => {
  it('takes a body of exactly the cap and refuses one byte more, declared or streamed', async () => {
    const exact = JSON.stringify(CREDS).padEnd(MAX_RESPONSE_BYTES, ' ');
    answer = (_q, res) => res.writeHead(200, { 'content-length': String(exact.length) }).end(exact);
    expect((await credentialsUriSource(`${base}/c`)()).accessKeyId).toBe('STS.id');
    const over = `${exact} `;
    answer = (_q, res) => res.writeHead(200, { 'content-length': String(over.length) }).end(over);
    expect(await failure(credentialsUriSource(`${base}/c`)())).toMatchObject({
      code: 'InvalidCredentialsResponse',
      message: 'The credentials URI sent a response too large to be credentials.',
      hint: H.InvalidCredentialsResponse,
    });
    // Without a length: chunks counted as they arrive.
    answer = (_q, res) => {
      res.writeHead(200);
      res.write(exact.slice(0, 40_000));
      res.end(over.slice(40_000));
    };
    expect(await failure(credentialsUriSource(`${base}/c`)())).toMatchObject({
      code: 'InvalidCredentialsResponse',
      message: 'The credentials URI sent a response too large to be credentials.',
      hint: H.InvalidCredentialsResponse,
    });
    answer = (_q, res) => {
      res.writeHead(200);
      res.write(exact.slice(0, 40_000));
      res.end(exact.slice(40_000));
    };
    expect((await credentialsUriSource(`${base}/c`)()).accessKeySecret).toBe('secret');
  });

  it('an error Code is named when it looks like one; Success is not an error', async () => {
    answer = (_q, res) => json(res, 200, { Code: 'Failure.Throttled' });
    expect(await failure(credentialsUriSource(`${base}/c`)())).toMatchObject({
      code: 'CredentialsUnavailable',
      message: 'The credentials URI answered with Code "Failure.Throttled".',
      hint: H.CredentialsUnavailable,
    });
    answer = (_q, res) => json(res, 200, { Code: 'bad code <script>' });
    expect(await failure(credentialsUriSource(`${base}/c`)())).toMatchObject({ message: 'The credentials URI answered with an error.' });
    answer = (_q, res) => json(res, 200, { Code: 'Success', ...CREDS, SecurityToken: '' });
    expect(await credentialsUriSource(`${base}/c`)()).toEqual({ accessKeyId: 'STS.id', accessKeySecret: 'secret', securityToken: undefined, expiration: new Date(CREDS.Expiration) });
  });

  it('no key pair, an HTTP error, text or a JSON non-object are each explained', async () => {
    answer = (_q, res) => json(res, 200, { AccessKeyId: 'x', Expiration: CREDS.Expiration });
    expect(await failure(credentialsUriSource(`${base}/c`)())).toMatchObject({
      code: 'InvalidCredentialsResponse',
      message: 'The credentials URI returned no AccessKeyId/AccessKeySecret.',
      hint: H.InvalidCredentialsResponse,
    });
    answer = (_q, res) => json(res, 503, CREDS);
    expect(await failure(credentialsUriSource(`${base}/c`)())).toMatchObject({ code: 'CredentialsUnavailable', message: 'The credentials URI answered HTTP 503.', status: 503 });
    for (const body of ['<html>', 'null', '42', '"text"']) {
      answer = (_q, res) => res.writeHead(200).end(body);
      expect(await failure(credentialsUriSource(`${base}/c`)()), body).toMatchObject({
        code: 'InvalidCredentialsResponse',
        message: 'The credentials URI did not return JSON.',
        hint: H.InvalidCredentialsResponse,
      });
    }
  });

  it('does not follow a redirect to another address', async () => {
    answer = (q, res) => (q.url === '/c' ? res.writeHead(302, { location: `${base}/elsewhere` }).end() : json(res, 200, CREDS));
    expect(await failure(credentialsUriSource(`${base}/c`)())).toBeDefined();
    expect(seen.map((s) => s.url)).toEqual(['/c']);
  });
});

describe('ECS metadata service', () => {
  it('asks for a session token, sends it with every read, and discovers the role from the first line', async () => {
    answer = (q, res) => {
      if (q.url === '/latest/api/token') return res.writeHead(200).end('  session-token \n');
      if (q.url === '/latest/meta-data/ram/security-credentials/') return res.writeHead(200).end(' my role \nother-role\n');
      return json(res, 200, CREDS);
    };
    const creds = await ecsRamRoleSource({ metadataUrl: `${base}//` })();
    expect(creds.accessKeyId).toBe('STS.id');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'PUT /latest/api/token',
      'GET /latest/meta-data/ram/security-credentials/',
      'GET /latest/meta-data/ram/security-credentials/my%20role',
    ]);
    expect(seen[0]!.headers['x-aliyun-ecs-metadata-token-ttl-seconds']).toBe('21600');
    expect(seen[1]!.headers['x-aliyun-ecs-metadata-token']).toBe('session-token');
    expect(seen[2]!.headers['x-aliyun-ecs-metadata-token']).toBe('session-token');
  });

  it('a discovered role name is cut at 128 characters', async () => {
    const long = 'r'.repeat(200);
    answer = (q, res) => (q.url === '/latest/api/token' ? res.writeHead(404).end() : q.url.endsWith('/') ? res.writeHead(200).end(long) : json(res, 200, CREDS));
    await ecsRamRoleSource({ metadataUrl: base })();
    expect(seen.at(-1)!.url).toBe(`/latest/meta-data/ram/security-credentials/${'r'.repeat(128)}`);
  });

  it('without the hardened mode reads plainly; a named role is used as given, trimmed', async () => {
    answer = (q, res) => (q.url === '/latest/api/token' ? res.writeHead(404).end('no') : json(res, 200, CREDS));
    await ecsRamRoleSource({ metadataUrl: base, roleName: '  given  ' })();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['PUT /latest/api/token', 'GET /latest/meta-data/ram/security-credentials/given']);
    expect(seen[1]!.headers['x-aliyun-ecs-metadata-token']).toBeUndefined();
  });

  it('explains a failed role lookup and an instance without a role', async () => {
    answer = (q, res) => (q.url === '/latest/api/token' ? res.writeHead(404).end() : res.writeHead(403).end('forbidden'));
    expect(await failure(ecsRamRoleSource({ metadataUrl: base })())).toMatchObject({
      code: 'EcsRoleUnavailable',
      message: 'The instance metadata service answered HTTP 403 when asked for the RAM role.',
      hint: H.EcsRoleUnavailable,
      status: 403,
    });
    answer = (q, res) => (q.url === '/latest/api/token' ? res.writeHead(404).end() : res.writeHead(200).end('\n'));
    expect(await failure(ecsRamRoleSource({ metadataUrl: base })())).toMatchObject({
      code: 'EcsRoleUnavailable',
      message: 'This ECS instance has no RAM role attached.',
      hint: H.EcsRoleUnavailable,
    });
    answer = (q, res) => (q.url === '/latest/api/token' ? res.writeHead(404).end() : res.writeHead(200).end('r'.repeat(MAX_RESPONSE_BYTES + 1)));
    expect(await failure(ecsRamRoleSource({ metadataUrl: base })())).toMatchObject({ message: 'The instance metadata service sent a response too large to be credentials.' });
    answer = (q, res) => (q.url === '/latest/api/token' ? res.writeHead(404).end() : json(res, 200, { Code: 'Success' }));
    expect(await failure(ecsRamRoleSource({ metadataUrl: base, roleName: 'r' })())).toMatchObject({ message: 'The instance metadata service returned no AccessKeyId/AccessKeySecret.' });
    answer = (q, res) => (q.url === '/latest/api/token' ? res.writeHead(404).end() : json(res, 500, {}));
    expect(await failure(ecsRamRoleSource({ metadataUrl: base, roleName: 'r' })())).toMatchObject({ message: 'The instance metadata service answered HTTP 500.' });
  });
});

describe('STS AssumeRoleWithOIDC', () => {
  const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.oidc-token-body';
  const options = (file: string, extra: object = {}) => ({
    roleArn: 'acs:ram::1:role/r',
    oidcProviderArn: 'acs:ram::1:oidc-provider/p',
    oidcTokenFile: file,
    sessionName: 'sess',
    durationSeconds: 1800,
    stsEndpoint: `${base}/sts`,
    ...extra,
  });

  it('sends the common parameters in the query and the token in the form body', async () => {
    const file = join(dir, 'token');
    await writeFile(file, `\n${TOKEN}\n`);
    answer = (_q, res) => json(res, 200, { Credentials: CREDS });
    expect((await oidcRoleSource(options(file, { policy: '{"Version":"1"}' }))()).securityToken).toBe('token');
    const q = new URL(seen[0]!.url, base).searchParams;
    expect(seen[0]!.method).toBe('POST');
    expect(q.get('Action')).toBe('AssumeRoleWithOIDC');
    expect(q.get('Format')).toBe('JSON');
    expect(q.get('Version')).toBe('2015-04-01');
    expect(q.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(seen[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      RoleArn: 'acs:ram::1:role/r',
      OIDCProviderArn: 'acs:ram::1:oidc-provider/p',
      OIDCToken: TOKEN,
      RoleSessionName: 'sess',
      DurationSeconds: '1800',
      Policy: '{"Version":"1"}',
    });
  });

  it('an STS error keeps its code and the first line of its message, with the token blanked out', async () => {
    const file = join(dir, 'token-err');
    await writeFile(file, TOKEN);
    answer = (_q, res) => json(res, 400, { Code: 'AuthenticationFail.OIDCToken.Invalid', Message: `token ${TOKEN} is invalid\nsecond line` });
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({
      code: 'AuthenticationFail.OIDCToken.Invalid',
      message: 'STS AssumeRoleWithOIDC failed: AuthenticationFail.OIDCToken.Invalid: token [token] is invalid',
      hint: H['AuthenticationFail.OIDCToken.Invalid'],
      status: 400,
    });
    // A code without its own hint gets the OIDC checklist; a message is not echoed without a real code.
    answer = (_q, res) => json(res, 400, { Code: 'Some.Other', Message: 'm' });
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({
      message: 'STS AssumeRoleWithOIDC failed: Some.Other: m',
      hint: 'Check the role ARN, the OIDC provider ARN and that the token file is current.',
    });
    answer = (_q, res) => json(res, 400, { Code: 'not a code!', Message: 'echo me' });
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({ code: 'CredentialsUnavailable', message: 'STS AssumeRoleWithOIDC failed: HTTP 400', hint: H.CredentialsUnavailable });
    answer = (_q, res) => res.writeHead(502).end('<html>gateway</html>');
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({ code: 'CredentialsUnavailable', message: 'STS AssumeRoleWithOIDC failed: HTTP 502', status: 502 });
    answer = (_q, res) => json(res, 400, { Code: 'Bad.Thing', Message: 'm'.repeat(300) });
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({ message: `STS AssumeRoleWithOIDC failed: Bad.Thing: ${'m'.repeat(200)}` });
    answer = (_q, res) => res.writeHead(200).end(' '.repeat(MAX_RESPONSE_BYTES + 1));
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({ message: 'STS AssumeRoleWithOIDC sent a response too large to be credentials.' });
    answer = (_q, res) => json(res, 200, { Credentials: { AccessKeyId: 'only-id' } });
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({ message: 'STS AssumeRoleWithOIDC returned no AccessKeyId/AccessKeySecret.' });
    answer = (_q, res) => json(res, 200, { RequestId: 'r' });
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({ message: 'STS AssumeRoleWithOIDC failed: HTTP 200' });
  });

  it('a token shorter than 8 characters is not blanked (it would blank common words)', async () => {
    const file = join(dir, 'short');
    await writeFile(file, 'abc');
    answer = (_q, res) => json(res, 400, { Code: 'Bad', Message: 'abc def abc' });
    expect(await failure(oidcRoleSource(options(file))())).toMatchObject({ message: 'STS AssumeRoleWithOIDC failed: Bad: abc def abc' });
    const eight = join(dir, 'eight');
    await writeFile(eight, 'abcdefgh');
    answer = (_q, res) => json(res, 400, { Code: 'Bad', Message: 'x abcdefgh y' });
    expect(await failure(oidcRoleSource(options(eight))())).toMatchObject({ message: 'STS AssumeRoleWithOIDC failed: Bad: x [token] y' });
  });

  it('reads a token file of exactly the cap; a bigger, empty or missing one is refused without saying why', async () => {
    answer = (_q, res) => json(res, 200, { Credentials: CREDS });
    const exact = join(dir, 'exact');
    await writeFile(exact, 'a'.repeat(MAX_TOKEN_FILE_BYTES));
    await oidcRoleSource(options(exact))();
    expect(new URLSearchParams(seen[0]!.body).get('OIDCToken')).toHaveLength(MAX_TOKEN_FILE_BYTES);
    const big = join(dir, 'big');
    await writeFile(big, 'a'.repeat(MAX_TOKEN_FILE_BYTES + 1));
    const unreadable = { code: 'OidcTokenFileUnreadable', message: 'The OIDC token file could not be read.', hint: H.OidcTokenFileUnreadable };
    expect(await failure(oidcRoleSource(options(big))())).toMatchObject(unreadable);
    expect(await failure(oidcRoleSource(options(join(dir, 'missing')))())).toMatchObject(unreadable);
    const blank = join(dir, 'blank');
    await writeFile(blank, ' \n ');
    expect(await failure(oidcRoleSource(options(blank))())).toMatchObject({ code: 'OidcTokenFileUnreadable', message: 'The OIDC token file is empty.', hint: H.OidcTokenFileUnreadable });
    expect(seen).toHaveLength(1);
  });
});
