/** STS AssumeRoleWithOIDC: checks the token's claims against the role's trusted provider (not its signature) and issues a session. */
import type { IdentityStore } from '../iam/identity-store';
import { issueRoleSession, parseRoleSessionRequest, type AssumeRoleResult } from './role-session';
import { StsError } from './sts-error';

/** AssumeRoleWithOIDC's answer: AssumeRole's plus what STS read from the token. */
export interface OidcAssumeRoleResult extends AssumeRoleResult {
  OIDCTokenInfo: { Subject: string; Issuer: string; ClientIds: string };
}

interface Claims {
  iss?: unknown;
  aud?: unknown;
  sub?: unknown;
  exp?: unknown;
}

/**
 * STS AssumeRoleWithOIDC (RRSA on ACK), anonymous as on Alibaba Cloud: the provider must
 * exist, the role must trust it, and the token's `iss`, `aud` and `exp` claims must fit.
 * The emulator does not verify the JWT signature (it has no JWKS); claims are trusted.
 */
export function assumeRoleWithOidc(identities: IdentityStore, params: Map<string, string>, now: Date): OidcAssumeRoleResult {
  const providerArn = params.get('OIDCProviderArn');
  const token = params.get('OIDCToken');
  if (!providerArn) throw new StsError(400, 'MissingOIDCProviderArn', 'OIDCProviderArn is mandatory for this action.');
  if (!token) throw new StsError(400, 'MissingOIDCToken', 'OIDCToken is mandatory for this action.');
  const request = parseRoleSessionRequest(identities, params);
  const found = identities.findOidcProvider(providerArn);
  if (!found) throw new StsError(404, 'EntityNotExist.OIDCProvider', `The OIDC provider does not exist: ${providerArn}.`);
  const { provider, account } = found;
  const claims = decodeClaims(token);
  if (claims.iss !== provider.issuer) throw invalidToken('The issuer (iss) of the OIDC token does not match the OIDC provider.');
  const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).filter((a): a is string => typeof a === 'string');
  if (!audiences.some((a) => provider.audiences.includes(a))) throw invalidToken('The audience (aud) of the OIDC token is not a client id of the OIDC provider.');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now.getTime()) {
    throw new StsError(400, 'AuthenticationFail.OIDCToken.Expired', 'The OIDC token has expired.');
  }
  if (typeof claims.sub !== 'string' || claims.sub === '') throw invalidToken('The OIDC token has no subject (sub).');
  const trusts = account.id === request.ref.account.id && request.ref.role.trustedOidcProviders.includes(provider.name);
  if (!trusts) throw new StsError(403, 'NoPermission', 'The role does not trust this OIDC provider.');
  return {
    ...issueRoleSession(identities, request, now),
    OIDCTokenInfo: { Subject: claims.sub, Issuer: provider.issuer, ClientIds: audiences.join(',') },
  };
}

function decodeClaims(token: string): Claims {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalidToken('The OIDC token is not a JWT.');
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) throw new Error('not an object');
    return claims as Claims;
  } catch {
    throw invalidToken('The payload of the OIDC token is not valid JSON.');
  }
}

function invalidToken(message: string): StsError {
  return new StsError(400, 'AuthenticationFail.OIDCToken.Invalid', message);
}
