/**
 * Builds the CredentialProvider for a profile from its stored settings and the secrets
 * read from the keychain. The 'environment' type resolves the variables when the profile
 * is opened, so changing them and reopening takes effect.
 */
import { registerSecret } from '../../../shared/redact';
import { profileErrorHints, type ResolvedCredentials, type ProfileRecord } from '../../../shared/profile-types';
import type { Clock } from './clock';
import { credentialsFromEnvironment, type Env } from './environment';
import { RefreshingProvider } from './refreshing-provider';
import { credentialsUriSource, ecsRamRoleSource, oidcRoleSource, ramRoleSource } from './remote-sources';
import { AccessKeyProvider, StaticStsProvider } from './static-providers';
import { CredentialError, type CredentialListener, type CredentialProvider, type CredentialSource } from './types';

/** What the keychain holds for one profile (one entry, JSON). */
export interface ProfileSecrets {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  proxyPassword?: string;
}

export interface ProviderDeps {
  clock?: Clock;
  env?: Env;
  listener?: CredentialListener;
}

function need(value: string | undefined, what: string): string {
  if (!value) throw new CredentialError('CredentialsMissing', `The profile has no ${what} in the keychain.`, profileErrorHints.CredentialsMissing);
  return value;
}

/** A provider for a credential description (typed input or a stored profile + secrets). */
export function providerFor(input: ResolvedCredentials, deps: ProviderDeps = {}): CredentialProvider {
  const refreshing = (source: CredentialSource) => makeRefreshing(input.type, source, deps);
  if ('accessKeySecret' in input) registerSecret(input.accessKeySecret);
  if ('securityToken' in input) registerSecret(input.securityToken);
  switch (input.type) {
    case 'access-key':
      return new AccessKeyProvider({ accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret });
    case 'sts-token':
      return new StaticStsProvider(
        {
          accessKeyId: input.accessKeyId,
          accessKeySecret: input.accessKeySecret,
          securityToken: input.securityToken,
          ...(input.expiration ? { expiration: new Date(input.expiration) } : {}),
        },
        deps.clock,
        deps.listener,
      );
    case 'ram-role':
      return refreshing(ramRoleSource(input));
    case 'credentials-uri':
      return refreshing(credentialsUriSource(input.credentialsUri));
    case 'ecs-ram-role':
      return refreshing(ecsRamRoleSource(input));
    case 'oidc-role':
      return refreshing(oidcRoleSource(input));
    case 'environment': {
      const found = credentialsFromEnvironment(deps.env ?? process.env);
      if (!found) {
        throw new CredentialError('EnvironmentCredentialsMissing', 'No credentials found in the environment.', profileErrorHints.EnvironmentCredentialsMissing);
      }
      return providerFor(found.credentials, deps);
    }
  }
}

function makeRefreshing(type: ResolvedCredentials['type'], source: CredentialSource, deps: ProviderDeps): CredentialProvider {
  return new RefreshingProvider({ type, source, ...(deps.clock ? { clock: deps.clock } : {}), ...(deps.listener ? { listener: deps.listener } : {}) });
}

/** Rebuilds the typed credential description of a stored profile. */
export function credentialInputFromRecord(record: ProfileRecord, secrets: ProfileSecrets): ResolvedCredentials {
  const s = record.settings;
  switch (record.type) {
    case 'access-key':
      return { type: 'access-key', accessKeyId: need(secrets.accessKeyId, 'AccessKey ID'), accessKeySecret: need(secrets.accessKeySecret, 'AccessKey secret') };
    case 'sts-token':
      return {
        type: 'sts-token',
        accessKeyId: need(secrets.accessKeyId, 'AccessKey ID'),
        accessKeySecret: need(secrets.accessKeySecret, 'AccessKey secret'),
        securityToken: need(secrets.securityToken, 'security token'),
        ...(s.expiration ? { expiration: s.expiration } : {}),
      };
    case 'ram-role':
      return {
        type: 'ram-role',
        accessKeyId: need(secrets.accessKeyId, 'AccessKey ID'),
        accessKeySecret: need(secrets.accessKeySecret, 'AccessKey secret'),
        roleArn: s.roleArn ?? '',
        sessionName: s.sessionName ?? 'oss-browser',
        durationSeconds: s.durationSeconds ?? 3600,
        ...(s.policy ? { policy: s.policy } : {}),
        ...(s.stsEndpoint ? { stsEndpoint: s.stsEndpoint } : {}),
      };
    case 'credentials-uri':
      return { type: 'credentials-uri', credentialsUri: s.credentialsUri ?? '' };
    case 'ecs-ram-role':
      return { type: 'ecs-ram-role', ...(s.roleName ? { roleName: s.roleName } : {}), ...(s.metadataUrl ? { metadataUrl: s.metadataUrl } : {}) };
    case 'oidc-role':
      return {
        type: 'oidc-role',
        roleArn: s.roleArn ?? '',
        oidcProviderArn: s.oidcProviderArn ?? '',
        oidcTokenFile: s.oidcTokenFile ?? '',
        sessionName: s.sessionName ?? 'oss-browser',
        durationSeconds: s.durationSeconds ?? 3600,
        ...(s.policy ? { policy: s.policy } : {}),
        ...(s.stsEndpoint ? { stsEndpoint: s.stsEndpoint } : {}),
      };
    case 'environment':
      return { type: 'environment' };
  }
}
