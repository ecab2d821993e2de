/**
 * Turns whatever a credential source threw (ali-oss STS errors, fetch failures, bad JSON)
 * into a CredentialError with a hint. Only codes and server messages are kept: ali-oss
 * attaches the signed request (with the AccessKey ID) to its errors, and that must not
 * travel any further.
 */
import { CredentialError } from './types';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const STS_HINTS: Array<[RegExp, string]> = [
  [/InvalidAccessKeyId/i, 'The AccessKey ID used to assume the role does not exist or is disabled. Check it in the RAM console.'],
  [/SignatureDoesNotMatch/i, 'The AccessKey secret used to assume the role is wrong. Copy it again from where you saved it.'],
  [/NoPermission|NotAuthorized|AccessDenied/i, 'The RAM user may not assume this role: grant it sts:AssumeRole and check the role\'s trust policy.'],
  [/EntityNotExist\.Role|InvalidParameter\.RoleArn/i, 'The role ARN does not exist. Copy it from the role\'s page in the RAM console.'],
  [/InvalidParameter\.DurationSeconds|DurationSeconds/i, 'The session duration must be 900 s or more and at most the role\'s maximum session duration.'],
  [/MalformedPolicyDocument|InvalidParameter\.Policy/i, 'The inline policy is not a valid RAM policy document.'],
  [/RoleSessionName/i, 'The session name must be 2-64 characters: letters, digits and . @ - _ only.'],
  [/OIDCToken\.Expired/i, 'The OIDC token in the token file has expired. The cluster rotates it: check that the token file is the one mounted for this pod.'],
  [/OIDCToken/i, 'STS did not accept the OIDC token: its issuer or audience does not match the OIDC provider in RAM.'],
  [/EntityNotExist\.OIDCProvider/i, 'The OIDC provider ARN does not exist. Copy it from the OIDC provider page in the RAM console.'],
];

/** The hint for an STS error code (or message), when there is one. */
export function stsHint(code: string, message = ''): string | undefined {
  return STS_HINTS.find(([re]) => re.test(code) || re.test(message))?.[1];
}

function causeCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  if (typeof e?.cause?.code === 'string') return e.cause.code;
  return typeof e?.code === 'string' ? e.code : undefined;
}

export function toCredentialError(err: unknown): CredentialError {
  if (err instanceof CredentialError) return err;
  const code = causeCode(err);
  const name = (err as { name?: string })?.name ?? '';
  if ((code && NETWORK_CODES.has(code)) || /ConnectionTimeout|RequestError|TimeoutError|AbortError/.test(name) || (err instanceof TypeError && /fetch failed/.test(err.message))) {
    return new CredentialError(
      'NetworkError',
      `Could not reach the credentials service${code ? ` (${code})` : ''}.`,
      'Check the network connection, the proxy settings and the service address.',
    );
  }
  const status = (err as { status?: number })?.status;
  const raw = err instanceof Error ? err.message : String(err);
  // STS errors read "Code: Message"; keep the first line only, it never holds a secret.
  const message = raw.split('\n')[0]!.slice(0, 300);
  const hint = stsHint(code ?? '', message);
  return new CredentialError(code ?? 'CredentialsUnavailable', message || 'Could not get credentials.', hint, status);
}
