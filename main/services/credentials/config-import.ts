/**
 * Reads the credential files other Alibaba Cloud tools keep, so a user does not retype keys:
 * `~/.alibabacloud/credentials` (the SDK credentials file, ini with one section per profile)
 * and ossutil's `~/.ossutilconfig` (v1 `[Credentials]` with accessKeyID, or v2 sections with
 * accessKeyId/region). Returns drafts; the profile service stores their secrets in the keychain.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'ini';
import { normalizeRegionId, regionFromHost } from '../../../shared/regions';
import type { ResolvedCredentials } from '../../../shared/profile-types';

export interface ImportedProfile {
  name: string;
  credentials: ResolvedCredentials;
  region?: string;
  /** Sections that could not be imported and why (unsupported type, missing field). */
}

export interface ImportResult {
  file: string;
  profiles: ImportedProfile[];
  skipped: Array<{ section: string; reason: string }>;
}

export type ImportSource = 'alibabacloud' | 'ossutil';

/** The default file for each source, below the user's home folder. */
export function defaultImportPath(source: ImportSource, home: string): string {
  return source === 'alibabacloud' ? join(home, '.alibabacloud', 'credentials') : join(home, '.ossutilconfig');
}

type Section = Record<string, unknown>;
const str = (s: Section, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = s[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
};

function sdkSection(name: string, s: Section): ImportedProfile | string {
  const type = str(s, 'type') ?? 'access_key';
  const id = str(s, 'access_key_id');
  const secret = str(s, 'access_key_secret');
  const region = str(s, 'region_id');
  const base = { name, ...(region ? { region: normalizeRegionId(region) } : {}) };
  switch (type) {
    case 'access_key':
      if (!id || !secret) return 'access_key needs access_key_id and access_key_secret';
      return { ...base, credentials: { type: 'access-key', accessKeyId: id, accessKeySecret: secret } };
    case 'sts': {
      const token = str(s, 'security_token');
      if (!id || !secret || !token) return 'sts needs access_key_id, access_key_secret and security_token';
      return { ...base, credentials: { type: 'sts-token', accessKeyId: id, accessKeySecret: secret, securityToken: token } };
    }
    case 'ram_role_arn': {
      const roleArn = str(s, 'role_arn');
      if (!id || !secret || !roleArn) return 'ram_role_arn needs access_key_id, access_key_secret and role_arn';
      const policy = str(s, 'policy');
      return {
        ...base,
        credentials: { type: 'ram-role', accessKeyId: id, accessKeySecret: secret, roleArn, sessionName: str(s, 'role_session_name') ?? 'oss-browser', durationSeconds: 3600, ...(policy ? { policy } : {}) },
      };
    }
    case 'ecs_ram_role': {
      const roleName = str(s, 'role_name');
      return { ...base, credentials: { type: 'ecs-ram-role', ...(roleName ? { roleName } : {}) } };
    }
    case 'credentials_uri': {
      const uri = str(s, 'credentials_uri');
      if (!uri) return 'credentials_uri needs credentials_uri';
      return { ...base, credentials: { type: 'credentials-uri', credentialsUri: uri } };
    }
    case 'oidc_role_arn': {
      const roleArn = str(s, 'role_arn');
      const provider = str(s, 'oidc_provider_arn');
      const file = str(s, 'oidc_token_file_path');
      if (!roleArn || !provider || !file) return 'oidc_role_arn needs role_arn, oidc_provider_arn and oidc_token_file_path';
      return { ...base, credentials: { type: 'oidc-role', roleArn, oidcProviderArn: provider, oidcTokenFile: file, sessionName: str(s, 'role_session_name') ?? 'oss-browser', durationSeconds: 3600 } };
    }
    default:
      return `type "${type.slice(0, 40)}" is not supported`;
  }
}

function ossutilSection(name: string, s: Section): ImportedProfile | string {
  const id = str(s, 'accessKeyID', 'accessKeyId', 'access-key-id');
  const secret = str(s, 'accessKeySecret', 'access-key-secret');
  if (!id || !secret) return 'no accessKeyId/accessKeySecret';
  const token = str(s, 'stsToken', 'sts-token');
  const regionText = str(s, 'region');
  const endpoint = str(s, 'endpoint');
  const region = regionText ? normalizeRegionId(regionText) : endpoint ? regionFromHost(endpoint.replace(/^https?:\/\//, '')) : undefined;
  const credentials: ResolvedCredentials = token
    ? { type: 'sts-token', accessKeyId: id, accessKeySecret: secret, securityToken: token }
    : { type: 'access-key', accessKeyId: id, accessKeySecret: secret };
  return { name: name === 'Credentials' ? 'ossutil' : `ossutil ${name}`, credentials, ...(region ? { region } : {}) };
}

/** Parses a file's text; exported for tests that need no home folder. */
export function parseCredentialFile(source: ImportSource, text: string, file = ''): ImportResult {
  const data = parse(text) as Record<string, unknown>;
  const result: ImportResult = { file, profiles: [], skipped: [] };
  for (const [section, value] of Object.entries(data)) {
    if (typeof value !== 'object' || value === null) continue;
    const s = value as Section;
    if (source === 'alibabacloud' && (s.enable === false || s.enable === 'false')) {
      result.skipped.push({ section, reason: 'disabled (enable = false)' });
      continue;
    }
    const parsed = source === 'alibabacloud' ? sdkSection(section, s) : ossutilSection(section, s);
    if (typeof parsed === 'string') result.skipped.push({ section, reason: parsed });
    else result.profiles.push(parsed);
  }
  return result;
}

/** Reads and parses one of the known files. */
export async function importCredentialFile(source: ImportSource, file: string): Promise<ImportResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, profiles: [], skipped: [] };
    throw err;
  }
  return parseCredentialFile(source, text, file);
}
