/**
 * The ClientProvider implementation: ali-oss clients per (profile, bucket), routed to the
 * bucket's own region, with credentials applied before every request. ali-oss reads
 * `options.accessKeyId/accessKeySecret/stsToken` when it signs (createRequest), so the
 * wrapper around `client.request` puts the provider's current credentials there first: a
 * multipart upload keeps its client and upload ID while the token underneath is refreshed.
 * ali-oss's own refreshSTSToken timer is not used (it races when requests run in parallel).
 */
import OSS from 'ali-oss';
import type { ProfileRecord } from '../../../shared/profile-types';
import type { Clock } from '../credentials/clock';
import type { CredentialProvider } from '../credentials/types';
import { agentsFor, type Agents } from './network-agents';
import type { ClientProvider } from './client-provider';
import { regionForEndpoint, resolveEndpoint } from './endpoints';

/** What the factory needs to know about an open profile. */
export interface ProfileSession {
  record: ProfileRecord;
  provider: CredentialProvider;
  proxyPassword?: string;
}

export type SessionResolver = (profileId: string) => Promise<ProfileSession>;

export interface ClientFactoryOptions {
  resolve: SessionResolver;
  /** Signing time; tests pass a clock that follows the emulator's clock-offset fault. */
  clock?: Clock;
}

/** OSS codes that mean "these credentials are no longer accepted" (refresh, then retry once). */
const REJECTED = new Set(['InvalidAccessKeyId', 'SecurityTokenExpired', 'InvalidSecurityToken']);
const WRONG_ENDPOINT = /must be addressed using the specified endpoint/i;

type RequestParams = { stream?: unknown; bucket?: string };
type OssError = Error & { code?: string; status?: number; ossEndpoint?: string };
interface PatchableClient {
  options: Record<string, unknown> & { endpoint: unknown; region: string };
  request(params: RequestParams): Promise<unknown>;
  requestError(result: { data?: unknown }): Promise<OssError>;
  asyncSignatureUrl?: (...args: unknown[]) => Promise<string>;
  signatureUrlV4?: (...args: unknown[]) => Promise<string>;
}

export class OssClientFactory implements ClientProvider {
  private readonly resolve: SessionResolver;
  private readonly clock: Clock | undefined;
  private readonly clients = new Map<string, Promise<OSS>>();
  private readonly regions = new Map<string, string>();
  private readonly agents = new Map<string, Agents>();
  /** How many ali-oss clients were built (tests check reuse). */
  created = 0;

  constructor(options: ClientFactoryOptions) {
    this.resolve = options.resolve;
    this.clock = options.clock;
  }

  async forService(profileId: string): Promise<OSS> {
    return this.cached(`${profileId}|`, async () => {
      const session = await this.resolve(profileId);
      const client = await this.build(session, session.record.endpoint.region);
      this.recordRegionsFromListing(profileId, client);
      return client;
    });
  }

  async forBucket(profileId: string, bucket: string): Promise<OSS> {
    return this.cached(`${profileId}|${bucket}`, () => this.buildForBucket(profileId, bucket));
  }

  async isolatedForBucket(profileId: string, bucket: string): Promise<OSS> {
    return this.buildForBucket(profileId, bucket);
  }

  /** Tells the factory where a bucket lives (from a listing, a start path, an access code). */
  rememberRegion(profileId: string, bucket: string, region: string): void {
    this.regions.set(`${profileId}|${bucket}`, region);
  }

  /** The region a bucket's requests go to (cached after the first lookup). */
  async bucketRegion(profileId: string, bucket: string): Promise<string> {
    const key = `${profileId}|${bucket}`;
    const known = this.regions.get(key);
    if (known) return known;
    const session = await this.resolve(profileId);
    let region = session.record.startPath?.bucket === bucket ? session.record.endpoint.region : undefined;
    try {
      const service = await this.forService(profileId);
      const found = await service.getBucketLocation(bucket);
      if (found.location) region = found.location;
    } catch (err) {
      const e = err as OssError;
      const fromError = e.ossEndpoint ? regionForEndpoint(session.record.endpoint, e.ossEndpoint) : undefined;
      // A user allowed only one path often may not call GetBucketLocation: fall back to the
      // profile's region; a wrong guess is corrected by the request wrapper's endpoint retry.
      region = fromError ?? region ?? session.record.endpoint.region;
      if (e.code === 'NoSuchBucket') throw err;
    }
    const resolved = region ?? session.record.endpoint.region;
    this.regions.set(key, resolved);
    return resolved;
  }

  /** Drops a profile's clients and cached regions (after an edit or delete). */
  evict(profileId: string): void {
    for (const map of [this.clients, this.regions, this.agents] as Array<Map<string, unknown>>) {
      for (const key of [...map.keys()]) if (key.startsWith(`${profileId}|`)) map.delete(key);
    }
  }

  private cached(key: string, make: () => Promise<OSS>): Promise<OSS> {
    let p = this.clients.get(key);
    if (!p) {
      p = make();
      this.clients.set(key, p);
      p.catch(() => this.clients.delete(key));
    }
    return p;
  }

  private async buildForBucket(profileId: string, bucket: string): Promise<OSS> {
    const session = await this.resolve(profileId);
    const region = await this.bucketRegion(profileId, bucket);
    return this.build(session, region, bucket);
  }

  private agentsFor(session: ProfileSession, endpoint: string): Agents {
    const key = `${session.record.id}|${new URL(endpoint).host}`;
    let a = this.agents.get(key);
    if (!a) {
      a = agentsFor(session.record.endpoint.proxy, endpoint, session.proxyPassword);
      this.agents.set(key, a);
    }
    return a;
  }

  private async build(session: ProfileSession, region: string, bucket?: string): Promise<OSS> {
    const settings = session.record.endpoint;
    const target = resolveEndpoint(settings, region, bucket);
    const creds = await session.provider.getCredentials();
    const { agent, httpsAgent } = this.agentsFor(session, target.endpoint);
    const client = new OSS({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      endpoint: target.endpoint,
      region: target.region,
      ...(bucket ? { bucket } : {}),
      cname: target.cname,
      sldEnable: target.pathStyle,
      secure: target.endpoint.startsWith('https:'),
      authorizationV4: settings.signatureVersion === 'v4',
      timeout: settings.readTimeoutMs,
      agent,
      httpsAgent,
    } as OSS.Options);
    // urllib takes [connect, read]; ali-oss only normalises the option at construction.
    (client as unknown as PatchableClient).options.timeout = [settings.connectTimeoutMs, settings.readTimeoutMs];
    this.created++;
    this.attach(client as unknown as PatchableClient, session, bucket);
    return client;
  }

  private attach(client: PatchableClient, session: ProfileSession, bucket: string | undefined): void {
    const { provider } = session;
    const apply = async (): Promise<void> => {
      const c = await provider.getCredentials();
      client.options.accessKeyId = c.accessKeyId;
      client.options.accessKeySecret = c.accessKeySecret;
      client.options.stsToken = c.securityToken || undefined;
      // ali-oss dates its signature with Date.now() + amendTimeSkewed.
      if (this.clock) client.options.amendTimeSkewed = this.clock.now() - Date.now();
    };

    const originalError = client.requestError.bind(client);
    client.requestError = async (result) => {
      const err = await originalError(result);
      const m = typeof result?.data !== 'undefined' ? /<Endpoint>([^<]+)<\/Endpoint>/.exec(String(result.data)) : null;
      if (m?.[1]) err.ossEndpoint = m[1];
      return err;
    };

    const originalRequest = client.request.bind(client);
    client.request = async (params: RequestParams) => {
      await apply();
      try {
        return await originalRequest(params);
      } catch (err) {
        const e = err as OssError;
        if (params.stream) throw err;
        if (e.code && REJECTED.has(e.code) && provider.type !== 'access-key' && provider.type !== 'sts-token') {
          provider.invalidate();
          await apply();
          return originalRequest(params);
        }
        if (bucket && (WRONG_ENDPOINT.test(e.message) || e.ossEndpoint) && this.reroute(client, session, bucket, e)) {
          return originalRequest(params);
        }
        throw err;
      }
    };

    for (const name of ['asyncSignatureUrl', 'signatureUrlV4'] as const) {
      const fn = client[name];
      if (typeof fn === 'function') {
        const bound = fn.bind(client);
        client[name] = async (...args: unknown[]) => {
          await apply();
          return bound(...args);
        };
      }
    }
  }

  /** Wrong region for this bucket: point the same client at the right one (auto-fix). */
  private reroute(client: PatchableClient, session: ProfileSession, bucket: string, err: OssError): boolean {
    const region = err.ossEndpoint ? regionForEndpoint(session.record.endpoint, err.ossEndpoint) : undefined;
    if (!region || region === client.options.region) return false;
    const target = resolveEndpoint(session.record.endpoint, region, bucket);
    // initOptions parses the endpoint exactly as the constructor did.
    const fresh = (OSS as unknown as { initOptions(o: object): { endpoint: unknown } }).initOptions({ accessKeyId: 'x', accessKeySecret: 'x', endpoint: target.endpoint });
    client.options.endpoint = fresh.endpoint;
    client.options.region = target.region;
    this.rememberRegion(session.record.id, bucket, target.region);
    return true;
  }

  /** ListBuckets tells every bucket's region for free: remember them. */
  private recordRegionsFromListing(profileId: string, client: OSS): void {
    const c = client as unknown as { listBuckets: (...a: unknown[]) => Promise<{ buckets?: Array<{ name: string; region: string }> | null }> };
    const original = c.listBuckets.bind(client);
    c.listBuckets = async (...args: unknown[]) => {
      const result = await original(...args);
      for (const b of result.buckets ?? []) if (b.region) this.rememberRegion(profileId, b.name, b.region);
      return result;
    };
  }
}
