import { describe, expect, it } from 'vitest';
import { registerSecret } from '../../shared/redact';
import { RecentErrors } from '../services/log/recent-errors';
import { buildDiagnostics, type DiagnosticsInput, type DiagnosticsProfile } from './diagnostics';

const secret = 'kQ7vR2mX9pL4sT8wY1zB6nC3dF5gH0jA'; // an AccessKey secret's shape
const token = 'CAIS+/sts-token==with/odd+chars'; // an STS token with base64 punctuation
const encodings = (s: string) => {
  const bytes = Buffer.from(s, 'utf8');
  return {
    raw: s,
    base64: bytes.toString('base64'),
    base64url: bytes.toString('base64url'),
    hex: bytes.toString('hex'),
    HEX: bytes.toString('hex').toUpperCase(),
    url: encodeURIComponent(s),
    json: JSON.stringify(s).slice(1, -1),
  };
};

const profile = (over: Partial<DiagnosticsProfile> = {}): DiagnosticsProfile & Record<string, unknown> => ({
  id: 'profile-id-12345',
  name: 'Alice at ACME',
  maskedAccessKeyId: 'LTAI****abcd',
  type: 'accessKey',
  sessionOnly: false,
  endpoint: { kind: 'custom', region: 'oss-cn-hangzhou', signatureVersion: 'v4', pathStyle: true, allowInsecureHttp: false, proxy: { mode: 'manual' }, cnames: { 'secret-bucket': 'img.acme.example' } },
  ...over,
});

function input(errors: RecentErrors, extra: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    app: { name: 'OSS Browser', version: '0.1.0', packaged: true },
    versions: { electron: '45.4.1', chrome: '142.0.0.0', node: '22.20.0' },
    os: { platform: 'linux', release: '6.1.0', arch: 'x64', locale: 'zh-CN' },
    profiles: [profile(), profile({ type: 'sts', sessionOnly: true, startPath: { bucket: 'team-bucket', prefix: 'a/' } }), profile({ type: 'accessKey', sandbox: true })],
    transferSettings: { parallelFiles: 3, parallelParts: 4, partSize: 'auto', bandwidthUp: 0, bandwidthDown: 1048576, conflictDefault: 'ask' },
    recentErrors: errors.list(),
    generatedAt: new Date('2026-12-01T03:00:00Z'),
    ...extra,
  };
}

describe('diagnostics', () => {
  it('holds versions, OS, profile kinds, transfer settings and the last errors with request IDs', () => {
    const errors = new RecentErrors();
    errors.record('error', 'listing failed', { error: { code: 'AccessDenied', message: 'You have no right to list', requestId: '6718A2B3C4D5E6F7A8B9C0D1', ec: '0003-00000001' } }, new Date('2026-12-01T02:59:00Z'));
    const text = buildDiagnostics(input(errors));
    expect(text).toContain('App: 0.1.0');
    expect(text).toContain('Electron: 45.4.1  Chromium: 142.0.0.0  Node: 22.20.0');
    expect(text).toContain('OS: linux 6.1.0 x64  Locale: zh-CN');
    expect(text).toContain('Profiles: 3');
    expect(text).toContain('type=sts endpoint=custom region=oss-cn-hangzhou signing=v4 pathStyle=true proxy=manual insecureHttp=false customDomains=1 restricted=true sessionOnly=true sandbox=false');
    expect(text).toContain('sandbox=true');
    expect(text).toContain('parallelFiles=3 parallelParts=4 partSize=auto bandwidthUp=0 bandwidthDown=1048576 conflicts=ask');
    expect(text).toContain('2026-12-01T02:59:00.000Z ERROR listing failed: You have no right to list (code=AccessDenied requestId=6718A2B3C4D5E6F7A8B9C0D1 ec=0003-00000001)');
  });

  it('names no profile id, name, key ID, bucket, custom domain or local path', () => {
    const text = buildDiagnostics(input(new RecentErrors()));
    for (const private_ of ['profile-id-12345', 'Alice at ACME', 'LTAI', 'team-bucket', 'secret-bucket', 'img.acme.example', 'downloadFolder']) expect(text).not.toContain(private_);
  });

  it.each(Object.entries(encodings(secret)).concat(Object.entries(encodings(token))))(
    'holds no secret that reached an error message %s-encoded',
    (_encoding, form) => {
      registerSecret(secret, token);
      const errors = new RecentErrors();
      errors.record('error', `request failed for ${form}`, { error: { message: `echo ${form}`, code: form, requestId: form } }, new Date(0));
      const text = buildDiagnostics(input(errors));
      for (const leaked of [...Object.values(encodings(secret)), ...Object.values(encodings(token))]) expect(text).not.toContain(leaked);
      expect(text).toContain('[redacted]');
    },
  );

  it('masks an unregistered secret it is told about (a session-only key), in hex too', () => {
    const other = 'Sess10nOnlySecretValue987654321';
    const hex = Buffer.from(other).toString('hex');
    const errors = new RecentErrors();
    errors.record('warn', `dump ${hex} and ${Buffer.from(other).toString('base64')}`, undefined, new Date(0));
    const text = buildDiagnostics(input(errors, { knownSecrets: [other] }));
    expect(text).not.toContain(hex);
    expect(text).not.toContain(Buffer.from(other).toString('base64'));
    expect(text).toMatch(/dump \[redacted\] and \[redacted\]/);
  });
});
