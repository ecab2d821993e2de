/** AccessKeys of accounts, RAM users and STS sessions, looked up by the authenticator; sessions expire on the emulator clock. */
import { randomBytes } from 'node:crypto';
import type { PolicyDocument, Principal } from '../core/contract';
import type { KeyRecord, KeyResolver } from '../auth/authenticate';
import type { AccountConfig, IamConfig, OidcProviderConfig, RoleConfig } from './iam-config';

/** Temporary credentials handed out by STS and accepted by the OSS side until they expire. */
export interface StsSession {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: Date;
  roleArn: string;
  sessionName: string;
  accountId: string;
  assumedRoleId: string;
}

/** A role found by ARN, with its account and canonical ARN. */
export interface RoleRef {
  account: AccountConfig;
  role: RoleConfig;
  arn: string;
}

/**
 * All identities the emulator knows: long-term AccessKeys from the config (accounts and
 * RAM users) and STS sessions issued at run time. Sessions stay known after they expire so
 * the OSS side can answer SecurityTokenExpired rather than InvalidAccessKeyId.
 */
export class IdentityStore implements KeyResolver {
  private readonly longTerm = new Map<string, KeyRecord>();
  private readonly sessions = new Map<string, KeyRecord & { session: StsSession }>();

  constructor(readonly config: IamConfig) {
    for (const account of config.accounts) {
      for (const key of account.accessKeys) {
        this.longTerm.set(key.id, {
          secret: key.secret,
          principal: { accountId: account.id, accessKeyId: key.id, kind: 'account', name: account.name, policySets: [] },
        });
      }
      for (const user of account.users) {
        for (const key of user.accessKeys) {
          this.longTerm.set(key.id, {
            secret: key.secret,
            principal: { accountId: account.id, accessKeyId: key.id, kind: 'ram-user', name: user.name, policySets: [user.policies] },
          });
        }
      }
    }
  }

  findKey(accessKeyId: string): KeyRecord | undefined {
    return this.longTerm.get(accessKeyId) ?? this.sessions.get(accessKeyId);
  }

  /** The role with this ARN (`acs:ram::<account>:role/<name>`, name case-insensitive). */
  findRole(arn: string): RoleRef | undefined {
    const m = /^acs:ram::(\d+):role\/(.+)$/.exec(arn);
    if (!m) return undefined;
    const account = this.config.accounts.find((a) => a.id === m[1]);
    const role = account?.roles.find((r) => r.name.toLowerCase() === m[2]!.toLowerCase());
    return account && role ? { account, role, arn: roleArn(account.id, role.name) } : undefined;
  }

  /** The OIDC provider with this ARN (`acs:ram::<account>:oidc-provider/<name>`). */
  findOidcProvider(arn: string): { account: AccountConfig; provider: OidcProviderConfig } | undefined {
    const m = /^acs:ram::(\d+):oidc-provider\/(.+)$/.exec(arn);
    if (!m) return undefined;
    const account = this.config.accounts.find((a) => a.id === m[1]);
    const provider = account?.oidcProviders.find((p) => p.name === m[2]);
    return account && provider ? { account, provider } : undefined;
  }

  /** Issues STS credentials for a role; the session's rights are the role's policy ∩ the inline policy. */
  issueSession(ref: RoleRef, sessionName: string, durationSeconds: number, inlinePolicy: PolicyDocument | undefined, now: Date): StsSession {
    const session: StsSession = {
      accessKeyId: `STS.${token(18).replace(/[^A-Za-z0-9]/g, 'x')}`,
      accessKeySecret: token(30).replace(/[^A-Za-z0-9]/g, 'y'),
      securityToken: `CAIS${token(180)}`,
      expiration: new Date(Math.floor(now.getTime() / 1000) * 1000 + durationSeconds * 1000),
      roleArn: ref.arn,
      sessionName,
      accountId: ref.account.id,
      assumedRoleId: `3${randomDigits(17)}:${sessionName}`,
    };
    const policySets = inlinePolicy ? [ref.role.policies, [inlinePolicy]] : [ref.role.policies];
    const principal: Principal = {
      accountId: ref.account.id,
      accessKeyId: session.accessKeyId,
      kind: 'sts',
      name: `${ref.role.name}/${sessionName}`,
      policySets,
    };
    this.sessions.set(session.accessKeyId, {
      secret: session.accessKeySecret,
      principal,
      securityToken: session.securityToken,
      expiration: session.expiration,
      session,
    });
    return session;
  }

  /** The STS session behind an `STS.` AccessKey, if any. */
  sessionOf(accessKeyId: string): StsSession | undefined {
    return this.sessions.get(accessKeyId)?.session;
  }

  /** Forgets every STS session (admin reset). */
  clearSessions(): void {
    this.sessions.clear();
  }
}

/** `acs:ram::<account>:role/<lower-case name>`, as RAM prints role ARNs. */
export function roleArn(accountId: string, roleName: string): string {
  return `acs:ram::${accountId}:role/${roleName.toLowerCase()}`;
}

function token(bytes: number): string {
  return randomBytes(bytes).toString('base64');
}

function randomDigits(n: number): string {
  return [...randomBytes(n)].map((b) => String(b % 10)).join('');
}
