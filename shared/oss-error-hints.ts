/**
 * Plain-language "what to do next" for the errors users actually hit. Keyed by OSS error
 * code (from the error XML) or by the app's own network codes. The renderer may show a
 * translated hint for the same code; this English text is the fallback and what the log
 * records.
 */
export const ossErrorHints: Readonly<Record<string, string>> = {
  AccessDenied:
    'This AccessKey is not allowed to do that. Ask the account owner to grant the RAM permission for this bucket or action, or use another profile.',
  InvalidAccessKeyId:
    'The AccessKey ID is not known to OSS. Check it in the profile, or create a new AccessKey in the RAM console (it may have been deleted or disabled).',
  SignatureDoesNotMatch:
    'The AccessKey secret does not match the AccessKey ID. Re-enter the secret in the profile; copy it without spaces.',
  RequestTimeTooSkewed:
    "Your computer's clock is too far from the real time. Turn on automatic date and time in the system settings and try again.",
  NoSuchBucket: 'The bucket does not exist, or it is in another region. Check the bucket name and the region of the profile.',
  NoSuchKey: 'The file is no longer there. It may have been deleted or renamed; refresh the folder.',
  SecurityTokenExpired: 'The temporary (STS) credentials have expired. Refresh them or edit the profile with a new token.',
  InvalidSecurityToken:
    'The STS security token is invalid. Paste the complete token again, together with the AccessKey ID and secret issued with it.',
  BucketNotEmpty: 'Only an empty bucket can be deleted. Delete its files (and unfinished multipart uploads) first.',
  BucketAlreadyExists: 'Bucket names are global across all OSS users. Pick another name.',
  TooManyBuckets: 'The account has reached its bucket limit. Delete an unused bucket or ask Alibaba Cloud to raise the limit.',
  InvalidBucketName:
    'Bucket names are 3-63 characters: lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
  InvalidObjectName: 'The file name is not allowed by OSS (too long or invalid characters). Rename it and try again.',
  EntityTooLarge: 'The file is larger than a single upload allows. It will be uploaded in parts; try the upload again.',
  NoSuchUpload: 'The multipart upload was aborted or has expired. Start the upload again.',
  PreconditionFailed: 'The file changed on the server while you were working with it. Refresh and try again.',
  MethodNotAllowed: 'This bucket does not allow that operation (for example a locked or archive bucket).',
  InvalidObjectState: 'The file is in an archive storage class. Restore it first (Restore in the file menu), then open it once the restore is done.',
  FileAlreadyExists: 'A file with that name already exists there. Pick another name, or delete or move the existing file first.',
  UserDisable: 'The OSS service is disabled for this account, often because of an overdue payment. Check the Alibaba Cloud console.',
  RequestTimeout: 'OSS waited too long for data. Check your network connection and try again.',
  ServiceUnavailable: 'OSS is temporarily unavailable or throttling requests. Wait a moment and try again.',
  InternalError: 'OSS had an internal error. Try again; if it keeps happening, send the request ID to Alibaba Cloud support.',
  ECONNREFUSED: 'Nothing answered at the endpoint. Check the endpoint address and port in the profile (and that the local sandbox is running).',
  ETIMEDOUT: 'The connection timed out. Check your network, VPN or firewall, then try again.',
  ConnectionTimeoutError: 'The connection timed out. Check your network, VPN or firewall, then try again.',
  ResponseTimeoutError: 'OSS took too long to answer. Check your network connection; large transfers may need a slower pace.',
  ENOTFOUND:
    'The endpoint host name could not be found. Check the endpoint in the profile and your DNS; internal endpoints only work inside Alibaba Cloud.',
  EAI_AGAIN: 'DNS is not answering. Check your network connection and try again.',
  ECONNRESET: 'The connection was cut off. A proxy or firewall may be interrupting it; try again or check the proxy settings.',
  EPROTO: 'The secure connection failed. Check that the endpoint uses the right protocol (https/http) and that no proxy is intercepting TLS.',
  CERT_HAS_EXPIRED: 'The server certificate has expired or your clock is wrong. Check the system date and the endpoint.',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The server certificate is not trusted. A proxy may be intercepting HTTPS; check the proxy settings.',
  SELF_SIGNED_CERT_IN_CHAIN: 'The server certificate is not trusted. A proxy may be intercepting HTTPS; check the proxy settings.',
  ProxyError: 'The proxy refused or failed the connection. Check the proxy address and credentials in your system settings.',
  NetworkError: 'The network request failed. Check your connection and the endpoint, then try again.',
  KeychainUnavailable:
    'The system keychain is not available. On Linux install and unlock gnome-keyring (or another Secret Service); you can still use the profile for this session only.',
};

/** The hint for a code, if there is one. */
export function hintFor(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return Object.prototype.hasOwnProperty.call(ossErrorHints, code) ? ossErrorHints[code] : undefined;
}
