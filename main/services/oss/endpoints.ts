/**
 * Which URL a request for (profile, region, bucket) goes to, and how ali-oss must address
 * it. Public, internal and accelerate endpoints come from the region; custom endpoints are
 * one URL (a private cloud) or a per-region map (the local sandbox gives each region its
 * own port); a bucket with a custom domain (CNAME) is reached through that domain.
 */
import { findRegion, normalizeRegionId, regionFromHost, type RegionInfo } from '../../../shared/regions';
import type { EndpointSettings } from '../../../shared/profile-types';

export interface ResolvedEndpoint {
  /** Full URL ali-oss gets as `endpoint`. */
  endpoint: string;
  /** The region V4 signatures are scoped to. */
  region: string;
  /** The bucket is reached through its own domain (ali-oss `cname: true`). */
  cname: boolean;
  /** Path-style addressing (ali-oss `sldEnable: true`). */
  pathStyle: boolean;
}

/** A profile's endpoint setup cannot produce a URL; the message says what to change. */
export class EndpointError extends Error {
  readonly code = 'InvalidEndpoint';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

function withScheme(hostOrUrl: string): string {
  return /^https?:\/\//i.test(hostOrUrl) ? hostOrUrl : `https://${hostOrUrl}`;
}

function regionHost(settings: EndpointSettings, region: string): string {
  const known = findRegion(region);
  switch (settings.kind) {
    case 'internal':
      return known?.internalEndpoint ?? `${region}-internal.aliyuncs.com`;
    case 'accelerate':
      return known?.accelerateEndpoint ?? 'oss-accelerate.aliyuncs.com';
    default:
      return known?.publicEndpoint ?? `${region}.aliyuncs.com`;
  }
}

function customUrl(settings: EndpointSettings, region: string): string {
  const perRegion = settings.customRegionUrls?.[region];
  if (perRegion) return perRegion;
  if (settings.customUrl) return settings.customUrl;
  throw new EndpointError(
    `The custom endpoint has no URL for region ${region}.`,
    'Add a URL for this region in the profile, or pick a bucket in a region the endpoint serves.',
  );
}

/** Resolves where requests for `bucket` (or service-level calls, without one) in `region` go. */
export function resolveEndpoint(settings: EndpointSettings, regionInput: string, bucket?: string): ResolvedEndpoint {
  const region = normalizeRegionId(regionInput);
  const domain = bucket ? settings.cnames[bucket] : undefined;
  let url: string;
  let cname = false;
  if (domain) {
    url = withScheme(domain);
    cname = true;
  } else if (settings.kind === 'custom') {
    url = customUrl(settings, region);
  } else {
    url = `https://${regionHost(settings, region)}`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EndpointError(`"${url}" is not a valid endpoint URL.`, 'Enter the endpoint as https://host[:port].');
  }
  if (parsed.protocol === 'http:' && !settings.allowInsecureHttp) {
    throw new EndpointError(
      `The endpoint ${parsed.host} uses plain HTTP, which this profile does not allow.`,
      'Use https://, or tick "Allow insecure HTTP" in the profile if you trust the network.',
    );
  }
  return { endpoint: `${parsed.protocol}//${parsed.host}`, region, cname, pathStyle: !cname && settings.pathStyle };
}

/**
 * The region an endpoint host belongs to, read back from an OSS "use this endpoint" error:
 * `oss-cn-beijing.aliyuncs.com` → oss-cn-beijing; for a custom per-region map, the region
 * whose URL has that host.
 */
export function regionForEndpoint(settings: EndpointSettings, endpoint: string): string | undefined {
  const host = endpoint.replace(/^https?:\/\//i, '').replace(/\/.*$/, '').toLowerCase();
  for (const [region, url] of Object.entries(settings.customRegionUrls ?? {})) {
    try {
      if (new URL(url).host.toLowerCase() === host) return region;
    } catch {
      continue;
    }
  }
  return regionFromHost(host.replace(/:\d+$/, ''));
}

/** The endpoint served no region list (DescribeRegions); the shipped table stays in use. */
export class RegionsUnavailableError extends Error {
  readonly code = 'RegionsUnavailable';
  readonly hint = 'The built-in region list is used instead. Private clouds and the local sandbox do not offer DescribeRegions.';
  constructor(cause: string) {
    super(`Could not refresh the region list from OSS (${cause}).`);
    this.name = 'RegionsUnavailableError';
  }
}

interface RegionXml {
  Region?: string;
  InternetEndpoint?: string;
  InternalEndpoint?: string;
  AccelerateEndpoint?: string;
}

/** The part of an ali-oss client that DescribeRegions needs (ali-oss has no method for it). */
export interface RawRequester {
  request(params: { method: string; subres: string; successStatuses: number[]; xmlResponse: boolean }): Promise<{ data: unknown }>;
}

/**
 * Refreshes the region table with OSS's DescribeRegions (`GET /?regions`). Returns the
 * regions in the shipped table's shape; throws RegionsUnavailableError when the endpoint
 * does not offer it.
 */
export async function describeRegions(client: RawRequester): Promise<RegionInfo[]> {
  let data: unknown;
  try {
    ({ data } = await client.request({ method: 'GET', subres: 'regions', successStatuses: [200], xmlResponse: true }));
  } catch (err) {
    const e = err as { code?: string; status?: number };
    throw new RegionsUnavailableError(e.code ?? `HTTP ${e.status ?? '?'}`);
  }
  const list = (data as { RegionInfo?: RegionXml | RegionXml[] } | undefined)?.RegionInfo;
  const items = Array.isArray(list) ? list : list ? [list] : [];
  const regions = items
    .filter((r): r is Required<Pick<RegionXml, 'Region'>> & RegionXml => typeof r.Region === 'string')
    .map((r) => ({
      id: r.Region,
      name: findRegion(r.Region)?.name ?? { en: r.Region, 'zh-CN': r.Region },
      publicEndpoint: r.InternetEndpoint ?? `${r.Region}.aliyuncs.com`,
      internalEndpoint: r.InternalEndpoint ?? `${r.Region}-internal.aliyuncs.com`,
      accelerateEndpoint: r.AccelerateEndpoint ?? 'oss-accelerate.aliyuncs.com',
    }));
  if (regions.length === 0) throw new RegionsUnavailableError('empty answer');
  return regions;
}
