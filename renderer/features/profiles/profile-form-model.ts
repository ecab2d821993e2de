/**
 * The add/edit form's flat state and its conversion to the contract's ProfileInput. Kept
 * apart from the component so the mapping (types, endpoints, proxy, start path) is tested
 * without rendering.
 */
import type { ProfileInput, ProfileView } from '../../../shared/profile-types';
import { parseStartPath, formatStartPath, SAVED_TOKEN_FILE } from '../../../shared/profile-types';
import { DEFAULT_REGION } from '../../../shared/regions';

/** The types a user can pick in the form ('access-code' is imported as an STS profile). */
export const FORM_TYPES = ['access-key', 'sts-token', 'ram-role', 'credentials-uri', 'ecs-ram-role', 'oidc-role', 'access-code'] as const;
export type FormType = (typeof FORM_TYPES)[number];

export interface FormState {
  name: string;
  type: FormType;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: string;
  roleArn: string;
  sessionName: string;
  policy: string;
  durationSeconds: string;
  stsEndpoint: string;
  credentialsUri: string;
  roleName: string;
  metadataUrl: string;
  oidcProviderArn: string;
  /** Opaque id main gave for the token file the user chose in main's dialog ('' = environment). */
  oidcTokenFileId: string;
  /** The chosen file's name, for display (the page never sees its path). */
  oidcTokenFileName: string;
  accessCode: string;
  region: string;
  endpointKind: 'public' | 'internal' | 'accelerate' | 'custom';
  customUrl: string;
  /** `region=url` per line (a private cloud or the emulator with one port per region). */
  customRegionUrls: string;
  cnames: string;
  pathStyle: boolean;
  allowInsecureHttp: boolean;
  signatureVersion: 'v4' | 'v1';
  proxyMode: 'system' | 'none' | 'manual';
  proxyUrl: string;
  proxyUsername: string;
  proxyPassword: string;
  connectTimeoutSec: string;
  readTimeoutSec: string;
  startPath: string;
  sessionOnly: boolean;
  /** Edit mode: replace the stored credentials (otherwise they are kept). */
  changeCredentials: boolean;
}

export function emptyForm(): FormState {
  return {
    name: '',
    type: 'access-key',
    accessKeyId: '',
    accessKeySecret: '',
    securityToken: '',
    expiration: '',
    roleArn: '',
    sessionName: 'oss-browser',
    policy: '',
    durationSeconds: '3600',
    stsEndpoint: '',
    credentialsUri: '',
    roleName: '',
    metadataUrl: '',
    oidcProviderArn: '',
    oidcTokenFileId: '',
    oidcTokenFileName: '',
    accessCode: '',
    region: DEFAULT_REGION,
    endpointKind: 'public',
    customUrl: '',
    customRegionUrls: '',
    cnames: '',
    pathStyle: false,
    allowInsecureHttp: false,
    signatureVersion: 'v4',
    proxyMode: 'system',
    proxyUrl: '',
    proxyUsername: '',
    proxyPassword: '',
    connectTimeoutSec: '10',
    readTimeoutSec: '120',
    startPath: '',
    sessionOnly: false,
    changeCredentials: true,
  };
}

const pairs = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const i = l.indexOf('=');
        return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
      })
      .filter(([k, v]) => k && v),
  );

const unpairs = (r: Record<string, string> | undefined): string =>
  Object.entries(r ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

/** Fills the form from a saved profile (never with secrets: the renderer has none). */
export function formFromProfile(p: ProfileView): FormState {
  const e = p.endpoint;
  const s = p.settings;
  return {
    ...emptyForm(),
    name: p.name,
    type: p.type === 'environment' ? 'access-key' : p.type,
    roleArn: s.roleArn ?? '',
    sessionName: s.sessionName ?? 'oss-browser',
    policy: s.policy ?? '',
    durationSeconds: String(s.durationSeconds ?? 3600),
    stsEndpoint: s.stsEndpoint ?? '',
    credentialsUri: s.credentialsUri ?? '',
    roleName: s.roleName ?? '',
    metadataUrl: s.metadataUrl ?? '',
    oidcProviderArn: s.oidcProviderArn ?? '',
    oidcTokenFileId: s.oidcTokenFileName ? SAVED_TOKEN_FILE : '',
    oidcTokenFileName: s.oidcTokenFileName ?? '',
    expiration: s.expiration ?? '',
    region: e.region,
    endpointKind: e.kind,
    customUrl: e.customUrl ?? '',
    customRegionUrls: unpairs(e.customRegionUrls),
    cnames: unpairs(e.cnames),
    pathStyle: e.pathStyle,
    allowInsecureHttp: e.allowInsecureHttp,
    signatureVersion: e.signatureVersion,
    proxyMode: e.proxy.mode,
    proxyUrl: e.proxy.url ?? '',
    proxyUsername: e.proxy.username ?? '',
    connectTimeoutSec: String(Math.round(e.connectTimeoutMs / 1000)),
    readTimeoutSec: String(Math.round(e.readTimeoutMs / 1000)),
    startPath: p.startPath ? formatStartPath(p.startPath) : '',
    sessionOnly: p.sessionOnly,
    changeCredentials: false,
  };
}

const opt = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);

/** The endpoint part of the input. */
export function endpointFromForm(f: FormState): ProfileInput['endpoint'] {
  const regionUrls = pairs(f.customRegionUrls);
  return {
    kind: f.endpointKind,
    region: f.region.trim(),
    ...(f.endpointKind === 'custom' && opt(f.customUrl) ? { customUrl: f.customUrl.trim() } : {}),
    ...(f.endpointKind === 'custom' && Object.keys(regionUrls).length ? { customRegionUrls: regionUrls } : {}),
    pathStyle: f.pathStyle,
    cnames: pairs(f.cnames),
    allowInsecureHttp: f.allowInsecureHttp,
    signatureVersion: f.signatureVersion,
    proxy: { mode: f.proxyMode, ...(f.proxyMode === 'manual' ? { url: opt(f.proxyUrl), username: opt(f.proxyUsername) } : {}) },
    connectTimeoutMs: Math.round(Number(f.connectTimeoutSec) * 1000) || 10_000,
    readTimeoutMs: Math.round(Number(f.readTimeoutSec) * 1000) || 120_000,
  };
}

/** The credentials part; main validates every field again with the same zod schema. */
export function credentialsFromForm(f: FormState): ProfileInput['credentials'] {
  const duration = Number(f.durationSeconds) || 3600;
  switch (f.type) {
    case 'sts-token':
      return { type: 'sts-token', accessKeyId: f.accessKeyId.trim(), accessKeySecret: f.accessKeySecret, securityToken: f.securityToken.trim(), ...(opt(f.expiration) ? { expiration: f.expiration.trim() } : {}) };
    case 'ram-role':
      return {
        type: 'ram-role',
        accessKeyId: f.accessKeyId.trim(),
        accessKeySecret: f.accessKeySecret,
        roleArn: f.roleArn.trim(),
        sessionName: f.sessionName.trim() || 'oss-browser',
        durationSeconds: duration,
        ...(opt(f.policy) ? { policy: f.policy.trim() } : {}),
        ...(opt(f.stsEndpoint) ? { stsEndpoint: f.stsEndpoint.trim() } : {}),
      };
    case 'credentials-uri':
      return { type: 'credentials-uri', credentialsUri: f.credentialsUri.trim() };
    case 'ecs-ram-role':
      return { type: 'ecs-ram-role', ...(opt(f.roleName) ? { roleName: f.roleName.trim() } : {}), ...(opt(f.metadataUrl) ? { metadataUrl: f.metadataUrl.trim() } : {}) };
    case 'oidc-role':
      return {
        type: 'oidc-role',
        roleArn: f.roleArn.trim(),
        oidcProviderArn: f.oidcProviderArn.trim(),
        ...(f.oidcTokenFileId ? { oidcTokenFileId: f.oidcTokenFileId } : {}),
        sessionName: f.sessionName.trim() || 'oss-browser',
        durationSeconds: duration,
        ...(opt(f.stsEndpoint) ? { stsEndpoint: f.stsEndpoint.trim() } : {}),
      };
    default:
      return { type: 'access-key', accessKeyId: f.accessKeyId.trim(), accessKeySecret: f.accessKeySecret };
  }
}

/** Everything profiles:add / profiles:test take. */
export function inputFromForm(f: FormState): ProfileInput {
  const start = opt(f.startPath) ? parseStartPath(f.startPath) : undefined;
  return {
    name: f.name.trim() || f.type,
    credentials: credentialsFromForm(f),
    endpoint: endpointFromForm(f),
    ...(start ? { startPath: start } : {}),
    sessionOnly: f.sessionOnly,
    ...(f.proxyMode === 'manual' && f.proxyPassword ? { proxyPassword: f.proxyPassword } : {}),
  } as ProfileInput;
}

/**
 * Edit mode: the proxy address (scheme, host, port) or user differs from the saved one, so
 * main will not reuse the saved proxy password: it must be typed again.
 */
export function proxyPasswordNeeded(f: FormState, saved: ProfileView | undefined): boolean {
  if (!saved || f.proxyMode !== 'manual' || f.proxyPassword || !f.proxyUsername.trim()) return false;
  const p = saved.endpoint.proxy;
  if (p.mode !== 'manual' || !p.url) return false;
  try {
    const a = new URL(f.proxyUrl.trim());
    const b = new URL(p.url);
    return a.protocol !== b.protocol || a.host !== b.host || f.proxyUsername.trim() !== (p.username ?? '');
  } catch {
    return false;
  }
}

/** True when the typed start path cannot be parsed (shown next to the field). */
export function startPathInvalid(f: FormState): boolean {
  return !!opt(f.startPath) && !parseStartPath(f.startPath);
}
