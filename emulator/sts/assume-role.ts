import { timingSafeEqual } from 'node:crypto';
import type { PolicyDocument } from '../core/contract';
import { policySchema } from '../iam/iam-config';
import type { IdentityStore } from '../iam/identity-store';
import { evaluatePolicySets } from '../iam/policy';
import { rpcSignature, rpcStringToSign } from './rpc-signature';
import { StsError } from './sts-error';

/** What AssumeRole returns (STS's JSON body minus RequestId). */
export interface AssumeRoleResult {
  AssumedRoleUser: { Arn: string; AssumedRoleId: string };
  Credentials: { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string };
}

const MIN_DURATION = 900;
const MAX_TIMESTAMP_SKEW_MS = 15 * 60 * 1000;

/**
 * STS RPC: checks the common parameters and the HMAC-SHA1 signature as STS does (ali-oss's
 * `STS.assumeRole` sends a form POST), then AssumeRole: role lookup, trust and caller
 * permission, DurationSeconds 900..role maximum, inline policy grammar.
 */
export class StsService {
  private readonly nonces = new Set<string>();

  constructor(private readonly identities: IdentityStore) {}

  call(method: string, params: Map<string, string>, now: Date): AssumeRoleResult {
    const caller = this.verifySignature(method, params, now);
    const action = params.get('Action');
    if (action !== 'AssumeRole') throw new StsError(400, 'InvalidAction.NotFound', `Specified api is not found, please check your url and method: ${action ?? ''}.`);
    return this.assumeRole(caller, params, now);
  }

  private verifySignature(method: string, params: Map<string, string>, now: Date) {
    for (const name of ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'Version', 'Action']) {
      if (!params.get(name)) throw new StsError(400, `Missing${name}`, `${name} is mandatory for this action.`);
    }
    if (params.get('SignatureMethod') !== 'HMAC-SHA1') throw new StsError(400, 'InvalidSignatureMethod', 'Specified signature method is not supported.');
    if (params.get('Version') !== '2015-04-01') throw new StsError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    const timestamp = Date.parse(params.get('Timestamp')!);
    if (Number.isNaN(timestamp)) throw new StsError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    if (Math.abs(now.getTime() - timestamp) > MAX_TIMESTAMP_SKEW_MS) throw new StsError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    const record = this.identities.findKey(params.get('AccessKeyId')!);
    if (!record || record.securityToken !== undefined) throw new StsError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    const expected = rpcSignature(record.secret, rpcStringToSign(method, params));
    if (!same(expected, params.get('Signature')!)) {
      throw new StsError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.');
    }
    const nonce = params.get('SignatureNonce')!;
    if (this.nonces.has(nonce)) throw new StsError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    this.nonces.add(nonce);
    return record.principal;
  }

  private assumeRole(caller: ReturnType<StsService['verifySignature']>, params: Map<string, string>, now: Date): AssumeRoleResult {
    const arn = params.get('RoleArn');
    const sessionName = params.get('RoleSessionName');
    if (!arn) throw new StsError(400, 'MissingRoleArn', 'RoleArn is mandatory for this action.');
    if (!sessionName) throw new StsError(400, 'MissingRoleSessionName', 'RoleSessionName is mandatory for this action.');
    if (!/^[\w.@-]{2,64}$/.test(sessionName)) {
      throw new StsError(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.');
    }
    if (!/^acs:ram::\d+:role\/.+$/.test(arn)) throw new StsError(400, 'InvalidParameter.RoleArn', 'The parameter RoleArn is wrongly formed.');
    const ref = this.identities.findRole(arn);
    if (!ref) throw new StsError(404, 'EntityNotExist.Role', `The role not exists: ${arn}.`);
    const max = ref.role.maxSessionDuration;
    const raw = params.get('DurationSeconds') ?? '3600';
    const duration = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(duration >= MIN_DURATION && duration <= max)) {
      throw new StsError(400, 'InvalidParameter.DurationSeconds', `The Min/Max value of DurationSeconds is 15min/${max / 3600}hr.`);
    }
    const trusted = ref.role.trustedAccounts ?? [ref.account.id];
    const mayAssume =
      trusted.includes(caller.accountId) &&
      (caller.kind === 'account' ||
        evaluatePolicySets(caller.policySets, { action: 'sts:AssumeRole', resource: ref.arn, conditions: {} }) === 'allow');
    if (!mayAssume) throw new StsError(403, 'NoPermission', 'You are not authorized to do this action. You should be authorized by RAM.');
    const session = this.identities.issueSession(ref, sessionName, duration, parsePolicy(params.get('Policy')), now);
    return {
      AssumedRoleUser: { Arn: `${ref.arn}/${sessionName}`, AssumedRoleId: session.assumedRoleId },
      Credentials: {
        AccessKeyId: session.accessKeyId,
        AccessKeySecret: session.accessKeySecret,
        SecurityToken: session.securityToken,
        Expiration: isoSeconds(session.expiration),
      },
    };
  }
}

function parsePolicy(text: string | undefined): PolicyDocument | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    return policySchema.parse(JSON.parse(text));
  } catch {
    throw new StsError(400, 'InvalidParameter.PolicyGrammar', 'The parameter Policy has not passed grammar check.');
  }
}

/** `2024-01-02T03:04:05Z`, STS's Expiration format. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
