/**
 * The inline policy a temporary-access grant sends to AssumeRole: the chosen actions on
 * `acs:oss:*:*:bucket/prefix*`, plus ListObjects on the bucket only for prefixes under the
 * granted one (so the recipient can browse there and nowhere else). The session gets the
 * intersection of this and the role's own policy.
 */
import type { AccessCode } from '../../../shared/access-code';
import type { GrantPermission } from '../../../shared/contract/share';

export interface PolicyStatement {
  Effect: 'Allow';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

export interface PolicyDocument {
  Version: '1';
  Statement: PolicyStatement[];
}

/** STS refuses an inline policy longer than this (characters of the JSON text). */
export const MAX_POLICY_LENGTH = 2048;

const READ = ['oss:GetObject'];
// PutObject covers simple, multipart and resumable uploads; the other two let an upload be resumed or abandoned.
const WRITE = ['oss:PutObject', 'oss:ListParts', 'oss:AbortMultipartUpload'];
const DELETE = ['oss:DeleteObject'];

/** Object actions per permission set. */
export function objectActions(permission: GrantPermission): string[] {
  switch (permission) {
    case 'read':
      return [...READ];
    case 'upload':
      return [...WRITE];
    case 'read-write':
      return [...READ, ...WRITE];
    case 'read-write-delete':
      return [...READ, ...WRITE, ...DELETE];
  }
}

/** What the access code says the holder may do (informative; OSS enforces the policy). */
export function codeActions(permission: GrantPermission): AccessCode['actions'] {
  switch (permission) {
    case 'read':
      return ['list', 'read'];
    case 'upload':
      return ['list', 'write'];
    case 'read-write':
      return ['list', 'read', 'write'];
    case 'read-write-delete':
      return ['list', 'read', 'write', 'delete'];
  }
}

/** The inline policy for `permission` on bucket/prefix. */
export function grantPolicy(bucket: string, prefix: string, permission: GrantPermission): PolicyDocument {
  const list: PolicyStatement = {
    Effect: 'Allow',
    Action: ['oss:ListObjects'],
    Resource: [`acs:oss:*:*:${bucket}`],
    // A whole-bucket grant lists without a prefix, which a StringLike condition would refuse.
    ...(prefix ? { Condition: { StringLike: { 'oss:Prefix': [`${prefix}*`] } } } : {}),
  };
  return {
    Version: '1',
    Statement: [{ Effect: 'Allow', Action: objectActions(permission), Resource: [`acs:oss:*:*:${bucket}/${prefix}*`] }, list],
  };
}

/** The policy as STS receives it (compact JSON). */
export function policyText(policy: PolicyDocument): string {
  return JSON.stringify(policy);
}
