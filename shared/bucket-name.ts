/**
 * OSS bucket naming rules, checked before any request so a user sees the exact rule they
 * broke instead of a server error: 3–63 characters, lowercase letters, digits and hyphens,
 * not starting or ending with a hyphen.
 */

export type BucketNameCheck = { ok: true } | { ok: false; reason: string };

const ALLOWED = /^[a-z0-9-]+$/;

/** Checks a bucket name against the OSS rules; `reason` is a sentence a user can act on. */
export function checkBucketName(name: string): BucketNameCheck {
  if (name.length < 3 || name.length > 63) {
    return { ok: false, reason: 'A bucket name must be 3 to 63 characters long.' };
  }
  if (!ALLOWED.test(name)) {
    return { ok: false, reason: 'A bucket name may contain only lowercase letters, digits and hyphens (-).' };
  }
  if (name.startsWith('-') || name.endsWith('-')) {
    return { ok: false, reason: 'A bucket name cannot start or end with a hyphen (-).' };
  }
  return { ok: true };
}

/** True when `name` is a valid bucket name. */
export function isValidBucketName(name: string): boolean {
  return checkBucketName(name).ok;
}
