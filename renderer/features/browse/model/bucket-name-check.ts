/**
 * Bucket name rule used before any request is sent: 3–63 characters of lowercase letters,
 * digits and hyphens, not starting or ending with a hyphen.
 */
export type BucketNameProblem = 'length' | 'chars' | 'hyphenEdge' | null;

export function bucketNameProblem(name: string): BucketNameProblem {
  if (name.length < 3 || name.length > 63) return 'length';
  if (!/^[a-z0-9-]+$/.test(name)) return 'chars';
  if (name.startsWith('-') || name.endsWith('-')) return 'hyphenEdge';
  return null;
}
