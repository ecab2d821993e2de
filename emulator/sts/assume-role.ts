/** STS AssumeRole as ali-oss's STS class calls it: RPC signature, nonce, duration limits, inline policy. */
import { timingSafeEqual } from 'node:crypto';
import type { Principal } from '../core/contract';
import type { IdentityStore } from '../iam/identity-store';
import { evaluatePolicySets } from '../iam/policy';
import { rpcSignature, rpcStringToSign } from './rpc-signature';
import { assumeRoleWithOidc } from './assume-role-oidc';
import { callerIdentity, type CallerIdentity } from './caller-identity';
import { issueRoleSession, parseRoleSessionRequest, type AssumeRoleResult } from './role-session';
import { StsError } from './sts-error';

const MAX_TIMESTAMP_SKEW_MS = 15 * 60 * 1000;

/**
 * STS RPC: checks the common parameters and the HMAC-SHA1 signature as STS does (ali-oss's
 * `STS.assumeRole` sends a form POST), then AssumeRole: role lookup, trust and caller
 * permission, DurationSeconds 900..role maximum, inline policy grammar. Also
 * GetCallerIdentity and (anonymous) AssumeRoleWithOIDC.
 */
export class StsService {
  private readonly nonces = new Set<string>();

  constructor(private readonly identities: IdentityStore) {}

  call(method: string, params: Map<string, string>, now: Date): AssumeRoleResult | CallerIdentity {
    // AssumeRoleWithOIDC is anonymous: the OIDC token is the credential.
    if (params.get('Action') === 'AssumeRoleWithOIDC') return assumeRoleWithOidc(this.identities, params, now);
    const caller = this.verifySignature(method, params, now);
    const action = params.get('Action');
    if (action === 'GetCallerIdentity') return callerIdentity(caller, this.identities);
    if (action !== 'AssumeRole') throw new StsError(400, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${action ?? ''}.`);
    return this.assumeRole(caller, params, now);
  }

  private verifySignature(method: string, params: Map<string, string>, now: Date): Principal {
    for (const name of ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Version', 'Action']) {
      if (!params.get(name)) throw new StsError(400, `Missing${name}`, `${name} is mandatory for this action.`);
    }
    if (params.get('SignatureMethod') !== 'HMAC-SHA1') throw new StsError(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.');
    if (params.get('Version') !== '2015-04-01') throw new StsError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    const timestamp = Date.parse(params.get('Timestamp')!);
    if (Number.isNaN(timestamp)) throw new StsError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    if (Math.abs(now.getTime() - timestamp) > MAX_TIMESTAMP_SKEW_MS) throw new StsError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const record = this.identities.findKey(params.get('AccessKeyId')!);
    if (!record) throw new StsError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (record.securityToken !== undefined) {
      // STS credentials call STS with their token (GetCallerIdentity, role chaining).
      const token = params.get('SecurityToken');
      if (!token) throw new StsError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
      if (!same(token, record.securityToken)) throw new StsError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
      if (record.expiration && record.expiration.getTime() <= now.getTime()) throw new StsError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.');
    }
    const expected = rpcSignature(record.secret, rpcStringToSign(method, params));
    if (!same(expected, params.get('Signature')!)) {
      throw new StsError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    }
    const nonce = params.get('SignatureNonce')!;
    if (this.nonces.has(nonce)) throw new StsError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    this.nonces.add(nonce);
    return record.principal;
  }

  private assumeRole(caller: Principal, params: Map<string, string>, now: Date): AssumeRoleResult {
    const request = parseRoleSessionRequest(this.identities, params);
    const { ref } = request;
    const trusted = ref.role.trustedAccounts ?? [ref.account.id];
    const mayAssume =
      trusted.includes(caller.accountId) &&
      (caller.kind === 'account' ||
        evaluatePolicySets(caller.policySets, { action: 'sts:AssumeRole', resource: ref.arn, conditions: {} }) === 'allow');
    if (!mayAssume) throw new StsError(403, 'NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.');
    return issueRoleSession(this.identities, request, now);
  }
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
