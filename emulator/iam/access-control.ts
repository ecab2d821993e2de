/** Decides whether a request may run its RAM action: RAM policies for the owner's identities, then bucket/object ACLs, as OSS does. */
import { OssError, type BucketSummary, type Principal, type RequestContext, type Store } from '../core/contract';
import { evaluatePolicySets, type Decision } from './policy';

type Acl = BucketSummary['acl'];

/** What an ACL lets anyone (anonymous or another account) do. */
const READ_ACTIONS = new Set(['oss:getobject', 'oss:headobject', 'oss:getobjectmeta', 'oss:getsymlink', 'oss:listobjects']);
const WRITE_ACTIONS = new Set([
  'oss:putobject', 'oss:deleteobject', 'oss:appendobject', 'oss:putsymlink', 'oss:restoreobject',
  'oss:initiatemultipartupload', 'oss:uploadpart', 'oss:uploadpartcopy', 'oss:completemultipartupload',
  'oss:abortmultipartupload', 'oss:listparts', 'oss:listmultipartuploads',
]);

/** Object actions that may arrive at bucket level (DeleteMultipleObjects); the operation checks each key. */
const PER_KEY_ACTIONS = new Set(['oss:deleteobject']);

/** RAM resource ARN: `acs:oss:<region>:<owner>:<bucket>[/<key>]`, or `…:*` for service-level actions. */
export function resourceArn(region: string, accountId: string, bucket: string | null, key: string | null): string {
  if (!bucket) return `acs:oss:${region}:${accountId}:*`;
  return key === null ? `acs:oss:${region}:${accountId}:${bucket}` : `acs:oss:${region}:${accountId}:${bucket}/${key}`;
}

/** RAM condition keys OSS fills from the request (ListObjects prefix/delimiter). */
export function conditionContext(query: Map<string, string>): Record<string, string | undefined> {
  return { 'oss:Prefix': query.get('prefix'), 'oss:Delimiter': query.get('delimiter') };
}

/** RAM evaluation for a principal (an account's own key passes everything). */
export function ramDecision(principal: Principal | null, action: string, resource: string, query: Map<string, string>): Decision {
  if (!principal) return 'implicit-deny';
  return evaluatePolicySets(principal.policySets, { action, resource, conditions: conditionContext(query) });
}

/**
 * Decides whether the request may run `action`, as OSS does: the bucket owner's identities
 * are judged by RAM (explicit Deny wins); whatever RAM does not allow, the bucket or object
 * ACL may still allow (public-read / public-read-write) — for anyone, anonymous included.
 * A missing bucket is left to the operation (NoSuchBucket), except PutBucket.
 */
export async function checkAccess(ctx: RequestContext, action: string, store: Store): Promise<void> {
  const { principal } = ctx;
  if (!principal && action.toLowerCase() === 'oss:putbucket') throw anonymousForbidden();
  if (ctx.bucket === null) {
    if (!principal) throw anonymousForbidden();
    return requireAllowed(principal, action, ramDecision(principal, action, resourceArn('*', principal.accountId, null, null), ctx.query));
  }
  const bucket = await store.getBucket(ctx.bucket);
  if (!bucket) {
    if (action.toLowerCase() !== 'oss:putbucket') return;
    if (!principal) throw anonymousForbidden();
    return requireAllowed(principal, action, ramDecision(principal, action, resourceArn(ctx.region, principal.accountId, ctx.bucket, null), ctx.query));
  }
  const resource = resourceArn(bucket.region, bucket.ownerAccountId, bucket.name, ctx.key);
  const owner = principal !== null && principal.accountId === bucket.ownerAccountId;
  // DeleteMultipleObjects is authorized per key by the operation (ctx.authorize), as OSS does.
  if (owner && ctx.key === null && PER_KEY_ACTIONS.has(action.toLowerCase())) return;
  const decision: Decision = owner ? ramDecision(principal, action, resource, ctx.query) : 'implicit-deny';
  if (decision === 'allow') return;
  if (decision === 'explicit-deny') throw denied(principal, action, 'ExplicitDeny');
  const acl = await effectiveAcl(store, bucket, ctx.key);
  if (aclAllows(acl, action)) return;
  if (!principal) throw anonymousDenied();
  if (!owner) throw new OssError(403, 'AccessDenied', 'The bucket you access does not belong to you.', '0003-00000001');
  throw denied(principal, action, 'ImplicitDeny');
}

async function effectiveAcl(store: Store, bucket: BucketSummary, key: string | null): Promise<Acl> {
  if (key === null) return bucket.acl;
  const objectAcl = await store.getObjectAcl(bucket.name, key);
  return objectAcl === null || objectAcl === 'default' ? bucket.acl : objectAcl;
}

function aclAllows(acl: Acl, action: string): boolean {
  const a = action.toLowerCase();
  if (acl === 'public-read-write') return READ_ACTIONS.has(a) || WRITE_ACTIONS.has(a);
  if (acl === 'public-read') return READ_ACTIONS.has(a);
  return false;
}

function requireAllowed(principal: Principal, action: string, decision: Decision): void {
  if (decision === 'allow') return;
  throw denied(principal, action, decision === 'explicit-deny' ? 'ExplicitDeny' : 'ImplicitDeny');
}

function anonymousDenied(): OssError {
  return new OssError(403, 'AccessDenied', 'You have no right to access this object because of bucket acl.', '0003-00000001');
}

/** ListBuckets and PutBucket need a signature: OSS's message and EC 0003-00001201. */
function anonymousForbidden(): OssError {
  return new OssError(403, 'AccessDenied', 'Anonymous access is forbidden for this operation.', '0003-00001201');
}

function denied(principal: Principal | null, action: string, type: 'ExplicitDeny' | 'ImplicitDeny'): OssError {
  // A RAM user's or STS session's policy decided (explicitly or by having no Allow): OSS says so.
  const byPolicy = type === 'ExplicitDeny' || principal?.kind === 'ram-user' || principal?.kind === 'sts';
  const message = byPolicy ? "Access denied by authorizer's policy." : 'You have no right to access this object because of bucket acl.';
  return new OssError(403, 'AccessDenied', message, type === 'ExplicitDeny' ? '0003-00000201' : '0003-00000001', {
    'AccessDeniedDetail/AuthAction': action,
    'AccessDeniedDetail/NoPermissionType': type,
    'AccessDeniedDetail/AuthPrincipalType': principal?.kind === 'sts' ? 'AssumedRoleUser' : principal?.kind === 'ram-user' ? 'SubUser' : 'Account',
    'AccessDeniedDetail/AuthPrincipalDisplayName': principal?.name ?? 'anonymous',
  });
}
