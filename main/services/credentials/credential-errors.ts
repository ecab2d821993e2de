/**
 * Turns whatever a credential source threw (ali-oss STS errors, fetch failures, bad JSON)
 * into a CredentialError with a hint. Only codes and server messages are kept: ali-oss
 * attaches the signed request (with the AccessKey ID) to its errors, and that must not
 * travel any further.
 */
import { profileErrorHints } from '../../../shared/profile-types';
import { CredentialError } from './types';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

const H = profileErrorHints;
const STS_HINTS: Array<[RegExp, string]> = [
  [/InvalidAccessKeyId/i, 'The AccessKey ID used to assume the role does not exist or is disabled. Check it in the RAM console.'],
  [/SignatureDoesNotMatch/i, 'The AccessKey secret used to assume the role is wrong. Copy it again from where you saved it.'],
  [/NoPermission|NotAuthorized|AccessDenied/i, H.NoPermission],
  [/EntityNotExist\.Role|InvalidParameter\.RoleArn/i, H['EntityNotExist.Role']],
  [/InvalidParameter\.DurationSeconds|DurationSeconds/i, H['InvalidParameter.DurationSeconds']],
  [/MalformedPolicyDocument|InvalidParameter\.Policy/i, H.MalformedPolicyDocument],
  [/RoleSessionName/i, H['InvalidParameter.RoleSessionName']],
  [/OIDCToken\.Expired/i, H['AuthenticationFail.OIDCToken.Expired']],
  [/OIDCToken/i, H['AuthenticationFail.OIDCToken.Invalid']],
  [/EntityNotExist\.OIDCProvider/i, H['EntityNotExist.OIDCProvider']],
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
  return new CredentialError(code ?? 'CredentialsUnavailable', message || 'Could not get credentials.', hint ?? (code ? undefined : profileErrorHints.CredentialsUnavailable), status);
}
