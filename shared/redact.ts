/**
 * Strips anything that looks like a credential from text before it is logged, sent over
 * IPC or shown. Used by the IPC error mapper and the logger; errors from ali-oss and urllib
 * can carry request URLs, headers and option dumps. Two nets: secrets by shape (patterns
 * below) and secrets by value (every secret main loads is registered with `registerSecret`,
 * and is masked raw, URL-encoded, JSON-escaped and base64-encoded).
 */
const MASK = '[redacted]';

/** Option and field names whose value is a secret (JSON, key: value, key=value, URL-encoded key%3Dvalue). */
const SECRET_NAMES =
  'accessKeySecret|access_key_secret|secretAccessKey|stsToken|securityToken|security_token|x-oss-security-token|authorization|proxyPassword|password|passwd|secret|OIDCToken|oidc_token|SecurityToken';

const rules: ReadonlyArray<[RegExp, string]> = [
  // Passwords in URLs: scheme://user:password@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']*:)[^\s/@"']+@/gi, `$1${MASK}@`],
  // Presigned-URL and form query values: Signature=…, x-oss-signature=…, security-token=… (also URL-encoded as %3D).
  [
    /((?:^|[?&\s"']|%26|%3F)(?:Signature|x-oss-signature|x-oss-security-token|security-token|SecurityToken|x-oss-credential|OSSAccessKeyId|AccessKeySecret|X-Amz-Signature|X-Amz-Security-Token|OIDCToken)(?:=|%3D))(?:[^&\s"'#%]|%(?!26)[0-9A-Fa-f]{2})+/gi,
    `$1${MASK}`,
  ],
  // Authorization headers: "OSS4-HMAC-SHA256 Credential=…,Signature=…" and "OSS id:sig".
  [/(OSS4-HMAC-SHA256\s+)[^\r\n"']+/g, `$1${MASK}`],
  [/(\bOSS\s+)[A-Za-z0-9.]+:[A-Za-z0-9+/=]+/g, `$1${MASK}`],
  // key: value / "key":"value" / key=value / JSON-escaped \"key\":\"value\" for secret-bearing option names.
  [new RegExp(`((?:${SECRET_NAMES})(?:\\\\?["'])?\\s*[:=]\\s*(?:\\\\?["'])?)[^"',;\\s}&\\\\]+`, 'gi'), `$1${MASK}`],
  // Access codes carry an STS secret and token, base64url-encoded.
  [/\bossac\d+\.[A-Za-z0-9_-]{16,}/g, MASK],
  // OIDC tokens are JWTs: three base64url parts, the first two JSON ("eyJ").
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, MASK],
  // STS security tokens are long base64 strings that start with CAIS (raw or URL-encoded).
  [/\bCAIS(?:[A-Za-z0-9+/=_-]|%[0-9A-Fa-f]{2}){16,}/g, MASK],
  // AccessKey secrets: 24-64 characters mixing upper case, lower case and digits.
  [/\b(?=[A-Za-z0-9]{24,64}\b)(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{24,64}\b/g, MASK],
];

/** Secrets main has loaded (profile secrets, fetched credentials, token files), newest last. */
const registered = new Map<string, string[]>();
const MAX_REGISTERED = 2000;
/** All encoded forms of the registered secrets, longest first; rebuilt after a registration. */
let registeredForms: string[] | undefined;

/** Every form a registered secret may take in text: raw, URL-encoded, JSON-escaped, base64 and base64url. */
function encodedForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  const b64 = btoa(String.fromCharCode(...new TextEncoder().encode(secret)));
  forms.add(b64);
  forms.add(b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''));
  return [...forms];
}

/**
 * Tells the redactor a value is secret, wherever it appears later (in any encoding). Called by
 * main when it reads a secret from the keychain, receives one from the page, or fetches
 * temporary credentials. Values shorter than 6 characters are ignored (they would mask ordinary words).
 */
export function registerSecret(...values: Array<string | undefined | null>): void {
  for (const value of values) {
    if (!value || value.length < 6) continue;
    registered.delete(value);
    registered.set(value, encodedForms(value));
    if (registered.size > MAX_REGISTERED) registered.delete(registered.keys().next().value as string);
    registeredForms = undefined;
  }
}

/** How many secrets are registered (tests). */
export function registeredSecretCount(): number {
  return registered.size;
}

const longestFirst = (a: string, b: string) => b.length - a.length;

/** Returns `text` with secrets masked; `known` are extra literal secrets to mask wherever they appear. */
export function redact(text: string, known: readonly string[] = []): string {
  let out = text;
  registeredForms ??= [...registered.values()].flat().sort(longestFirst);
  const extra = known.filter((s) => s.length >= 4).flatMap(encodedForms);
  // Longest first, so a secret is masked before a shorter one inside it.
  const literals = extra.length > 0 ? [...extra, ...registeredForms].sort(longestFirst) : registeredForms;
  for (const secret of literals) {
    if (out.includes(secret)) out = out.split(secret).join(MASK);
  }
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}
