/**
 * Credentials from environment variables, in the forms the Alibaba Cloud SDKs and ossutil
 * read: OSS_* and ALIBABA_CLOUD_* AccessKeys (with an optional security token), a role ARN
 * (with an AccessKey pair, or with OIDC variables on ACK/RRSA), a credentials URI and an
 * ECS role name. The first complete set wins, in the order the official default chain uses.
 */
import type { ResolvedCredentials } from '../../../shared/profile-types';

export type Env = Record<string, string | undefined>;

/** What was found, for the import dialog: the variable names, never their values. */
export interface EnvironmentMatch {
  credentials: ResolvedCredentials;
  variables: string[];
}

function pick(env: Env, ...names: string[]): [string, string] | undefined {
  for (const n of names) {
    const v = env[n]?.trim();
    if (v) return [n, v];
  }
  return undefined;
}

export function credentialsFromEnvironment(env: Env): EnvironmentMatch | undefined {
  const id = pick(env, 'OSS_ACCESS_KEY_ID', 'ALIBABA_CLOUD_ACCESS_KEY_ID');
  const secret = pick(env, 'OSS_ACCESS_KEY_SECRET', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET');
  const token = pick(env, 'OSS_SESSION_TOKEN', 'ALIBABA_CLOUD_SECURITY_TOKEN');
  const roleArn = pick(env, 'ALIBABA_CLOUD_ROLE_ARN');
  const session = pick(env, 'ALIBABA_CLOUD_ROLE_SESSION_NAME');
  const sessionName = session?.[1] ?? 'oss-browser';
  const stsEndpoint = pick(env, 'ALIBABA_CLOUD_STS_ENDPOINT');
  const stsUrl = stsEndpoint ? (/^https?:\/\//.test(stsEndpoint[1]) ? stsEndpoint[1] : `https://${stsEndpoint[1]}`) : undefined;
  const names = (...found: Array<[string, string] | undefined>) => found.filter((f): f is [string, string] => !!f).map(([n]) => n);

  const oidcProvider = pick(env, 'ALIBABA_CLOUD_OIDC_PROVIDER_ARN');
  const oidcFile = pick(env, 'ALIBABA_CLOUD_OIDC_TOKEN_FILE');
  if (roleArn && oidcProvider && oidcFile) {
    return {
      credentials: { type: 'oidc-role', roleArn: roleArn[1], oidcProviderArn: oidcProvider[1], oidcTokenFile: oidcFile[1], sessionName, durationSeconds: 3600, ...(stsUrl ? { stsEndpoint: stsUrl } : {}) },
      variables: names(roleArn, oidcProvider, oidcFile, session, stsEndpoint),
    };
  }
  if (roleArn && id && secret) {
    return {
      credentials: { type: 'ram-role', accessKeyId: id[1], accessKeySecret: secret[1], roleArn: roleArn[1], sessionName, durationSeconds: 3600, ...(stsUrl ? { stsEndpoint: stsUrl } : {}) },
      variables: names(id, secret, roleArn, session, stsEndpoint),
    };
  }
  if (id && secret && token) {
    return { credentials: { type: 'sts-token', accessKeyId: id[1], accessKeySecret: secret[1], securityToken: token[1] }, variables: names(id, secret, token) };
  }
  if (id && secret) {
    return { credentials: { type: 'access-key', accessKeyId: id[1], accessKeySecret: secret[1] }, variables: names(id, secret) };
  }
  const uri = pick(env, 'ALIBABA_CLOUD_CREDENTIALS_URI');
  if (uri) return { credentials: { type: 'credentials-uri', credentialsUri: uri[1] }, variables: names(uri) };
  const ecsRole = pick(env, 'ALIBABA_CLOUD_ECS_METADATA');
  if (ecsRole) return { credentials: { type: 'ecs-ram-role', roleName: ecsRole[1] }, variables: names(ecsRole) };
  return undefined;
}
