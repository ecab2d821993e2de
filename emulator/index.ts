/** startEmulator(): one port per region plus a side port for STS, wired to the store, identities, clock and faults. */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import type { Store, StoreOptions } from './core/contract';
import { createAdminHandler } from './admin/admin-api';
import { loadIamConfig, type IamConfigInput } from './config';
import { Clock } from './faults/clock';
import type { FaultConfigInput } from './faults/fault-config';
import { FaultInjector } from './faults/fault-injector';
import type { IamConfig } from './iam/iam-config';
import { IdentityStore, roleArn } from './iam/identity-store';
import { listenLoopback, type LoopbackServer } from './http/listen';
import { createGateHandler } from './server';
import { createSideHandler } from './sts/side-server';
import { loopbackHostOnly, requireSideToken } from './http/local-guard';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Options of startEmulator; every one is optional. */
export interface EmulatorOptions {
  /** First port; 0 (default) picks free ports. Regions use port, port+1, …; the STS port comes after them. */
  port?: number;
  /** Directory for data (survives restarts). Ignored with memory: true. */
  dataDir?: string;
  memory?: boolean;
  /** Identities: a config object or a JSON file path; default: the sandbox config. */
  config?: IamConfigInput | string;
  /** Regions, each on its own port; the first is the default. */
  regions?: string[];
  faults?: FaultConfigInput;
  clockOffsetMs?: number;
  restoreDelayMs?: number;
  /** Lifetime (s) of credentials from the credentials-URI and ECS endpoints; overrides the config (refresh tests). */
  providerCredentialSeconds?: number;
  /** Admin token; default: random. */
  adminToken?: string;
  /** Custom domains (CNAME) → bucket, e.g. { 'photos.example.test': 'photos' }; also admin `PUT cnames`. */
  cnames?: Record<string, string>;
  /** Access log sink (one line per OSS response, no query strings); default: none. */
  log?: (line: string) => void;
  /** Refuse requests whose Host is not this port on a loopback name (DNS rebinding); the in-app sandbox sets it. */
  loopbackHostOnly?: boolean;
  /** Require this token (header x-emulator-side-token) on the credentials-URI and ECS-metadata endpoints. */
  sideToken?: string;
  /** Store factory (tests may pass a fake); default: the real store. */
  createStore?: (opts: StoreOptions) => Promise<Store>;
}

/** A demo identity with its keys, as printed at start. */
export interface DemoKey {
  accountId: string;
  name: string;
  kind: 'account' | 'ram-user';
  accessKeyId: string;
  accessKeySecret: string;
}

/** A started emulator: where to reach it, its demo keys, live controls, and close(). */
export interface RunningEmulator {
  /** The default region's endpoint, `http://localhost:PORT`. */
  endpoint: string;
  /** Every region's endpoint. */
  endpoints: Record<string, string>;
  /** The default region, e.g. 'oss-cn-hangzhou'. */
  region: string;
  /** STS endpoint for ali-oss's `STS` class (`endpoint` option). */
  stsEndpoint: string;
  /** GET → `{Code:'Success', AccessKeyId, AccessKeySecret, SecurityToken, Expiration}`. */
  credentialsUriEndpoint: string;
  /** Base URL of the ECS metadata service (`/latest/meta-data/ram/security-credentials/`). */
  ecsMetadataEndpoint: string;
  /** Token for the admin API under `/__emulator/` (header `x-emulator-admin-token`). */
  adminToken: string;
  /** Demo AccessKeys from the config: accounts first, then RAM users. */
  accounts: DemoKey[];
  /** Role ARNs that can be assumed through STS. */
  roles: string[];
  /** The emulator clock offset (ms); writable, like the admin `PUT clock`. */
  clock: Clock;
  /** The fault injector behind the admin `faults` routes. */
  faults: FaultInjector;
  close(): Promise<void>;
}

const DEFAULT_REGIONS = ['oss-cn-hangzhou', 'oss-cn-shanghai'];

/**
 * Starts the OSS emulator: one HTTP port per region (buckets live in regions, so each
 * region needs its own `http://localhost:PORT` endpoint) plus a side port for STS, the
 * credentials URI and ECS metadata. Resolves when every port listens.
 */
export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const regions = opts.regions?.length ? opts.regions : DEFAULT_REGIONS;
  const config = withProviderLifetime(await loadIamConfig(opts.config), opts.providerCredentialSeconds);
  const identities = new IdentityStore(config);
  const clock = new Clock(opts.clockOffsetMs ?? 0);
  const faults = new FaultInjector(opts.faults);
  const adminToken = opts.adminToken ?? randomBytes(16).toString('hex');
  const memory = opts.memory ?? !opts.dataDir;
  const storeOptions: StoreOptions = memory ? { memory: true, restoreDelayMs: opts.restoreDelayMs } : { dataDir: opts.dataDir, restoreDelayMs: opts.restoreDelayMs };
  const openStore = opts.createStore ?? (async (o: StoreOptions) => (await import('./store/index')).createStore(o));
  let store = await openStore(storeOptions);

  const regionHosts = new Map<string, string>();
  const endpoints: Record<string, string> = {};
  const servers: LoopbackServer[] = [];
  const accounts = demoKeys(config);
  const roles = config.accounts.flatMap((a) => a.roles.map((r) => roleArn(a.id, r.name)));
  let info: Record<string, unknown> = {};

  const cnames = new Map(Object.entries(opts.cnames ?? {}).map(([domain, bucket]) => [domain.toLowerCase(), bucket]));
  const admin = createAdminHandler({
    cnames,
    token: adminToken,
    faults,
    clock,
    store: () => store,
    info: () => info,
    defaultRegion: regions[0]!,
    defaultAccountId: config.accounts[0]!.id,
    reset: async () => {
      await store.close();
      if (!memory && opts.dataDir) {
        await rm(opts.dataDir, { recursive: true, force: true });
        await mkdir(opts.dataDir, { recursive: true });
      }
      store = await openStore(storeOptions);
      identities.clearSessions();
      cnames.clear();
      for (const [domain, bucket] of Object.entries(opts.cnames ?? {})) cnames.set(domain.toLowerCase(), bucket);
      faults.clear();
      clock.offsetMs = 0;
    },
  });
  const guard = (handler: (req: IncomingMessage, res: ServerResponse) => void) => (opts.loopbackHostOnly ? loopbackHostOnly(handler) : handler);
  const deps = { store: () => store, identities, clock, faults, regionHosts, admin, cnames, log: opts.log };

  try {
    for (const [i, region] of regions.entries()) {
      const server = await listenLoopback(opts.port ? opts.port + i : 0, guard(createGateHandler(region, deps)));
      servers.push(server);
      regionHosts.set(region, `localhost:${server.port}`);
      endpoints[region] = `http://localhost:${server.port}`;
    }
    const sideHandler = createSideHandler(identities, clock);
    const side = await listenLoopback(opts.port ? opts.port + regions.length : 0, guard(opts.sideToken ? requireSideToken(opts.sideToken, sideHandler) : sideHandler));
    servers.push(side);
    const sideUrl = `http://localhost:${side.port}`;
    info = {
      endpoint: endpoints[regions[0]!],
      endpoints,
      region: regions[0],
      stsEndpoint: `${sideUrl}/`,
      credentialsUriEndpoint: `${sideUrl}/credentials`,
      ecsMetadataEndpoint: sideUrl,
      accounts,
      roles,
    };
    return {
      endpoint: endpoints[regions[0]!]!,
      endpoints,
      region: regions[0]!,
      stsEndpoint: `${sideUrl}/`,
      credentialsUriEndpoint: `${sideUrl}/credentials`,
      ecsMetadataEndpoint: sideUrl,
      adminToken,
      accounts,
      roles,
      clock,
      faults,
      close: async () => {
        await Promise.all(servers.map((s) => s.close()));
        await store.close();
      },
    };
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    await store.close();
    throw err;
  }
}

function withProviderLifetime(config: IamConfig, seconds: number | undefined): IamConfig {
  if (seconds === undefined) return config;
  if (!Number.isInteger(seconds) || seconds < 1) throw new Error('providerCredentialSeconds must be a positive integer.');
  return {
    ...config,
    credentialsUri: config.credentialsUri && { ...config.credentialsUri, durationSeconds: seconds },
    ecsRole: config.ecsRole && { ...config.ecsRole, durationSeconds: seconds },
  };
}

function demoKeys(config: IamConfig): DemoKey[] {
  const keys: DemoKey[] = [];
  for (const a of config.accounts) {
    for (const k of a.accessKeys) keys.push({ accountId: a.id, name: a.name, kind: 'account', accessKeyId: k.id, accessKeySecret: k.secret });
  }
  for (const a of config.accounts) {
    for (const u of a.users) {
      for (const k of u.accessKeys) keys.push({ accountId: a.id, name: u.name, kind: 'ram-user', accessKeyId: k.id, accessKeySecret: k.secret });
    }
  }
  return keys;
}
