/**
 * Strips anything that looks like a credential from text before it is logged, sent over
 * IPC or shown. Used by the IPC error mapper and the logger; errors from ali-oss and urllib
 * can carry request URLs, headers and option dumps.
 */
const MASK = '[redacted]';

const rules: ReadonlyArray<[RegExp, string]> = [
  // Presigned-URL and form query values: Signature=…, x-oss-signature=…, security-token=…
  [
    /((?:^|[?&\s"'])(?:Signature|x-oss-signature|x-oss-security-token|security-token|SecurityToken|x-oss-credential|OSSAccessKeyId|AccessKeySecret|X-Amz-Signature|X-Amz-Security-Token)=)[^&\s"'#]+/gi,
    `$1${MASK}`,
  ],
  // Authorization headers: "OSS4-HMAC-SHA256 Credential=…,Signature=…" and "OSS id:sig".
  [/(OSS4-HMAC-SHA256\s+)[^\r\n"']+/g, `$1${MASK}`],
  [/(\bOSS\s+)[A-Za-z0-9.]+:[A-Za-z0-9+/=]+/g, `$1${MASK}`],
  // key: value / "key":"value" / key=value for secret-bearing option names.
  [
    /((?:accessKeySecret|access_key_secret|secretAccessKey|stsToken|securityToken|security_token|x-oss-security-token|authorization|password|secret)["']?\s*[:=]\s*["']?)[^"',;\s}&]+/gi,
    `$1${MASK}`,
  ],
  // STS security tokens are long base64 strings that start with CAIS.
  [/\bCAIS[A-Za-z0-9+/=_-]{16,}/g, MASK],
  // AccessKey secrets: 30 characters mixing upper case, lower case and digits.
  [/\b(?=[A-Za-z0-9]{30}\b)(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{30}\b/g, MASK],
];

/** Returns `text` with secrets masked; `known` are literal secrets to mask wherever they appear. */
export function redact(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) {
    if (secret.length >= 4) out = out.split(secret).join(MASK);
  }
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}
