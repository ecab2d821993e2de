/**
 * Which hosts main may contact for credentials and access codes (issue 10, findings 3 and 5).
 * Main signs in to OSS and STS on the user's behalf, so a page (or a pasted access code)
 * must not be able to point it at an arbitrary host: official Alibaba Cloud hosts are fine,
 * any other host needs the user's confirmation naming it, and link-local or cloud metadata
 * addresses are never allowed (they hand out the machine's own credentials). The confirmation
 * is main's native dialog alone (the page cannot answer it); shared/ holds the rule and the
 * refusals' hints, which the renderer shows translated (errors:hint.<code>).
 */

export type HostVerdict =
  | { kind: 'official' }
  /** A host the user must confirm (by name) before main contacts it. */
  | { kind: 'confirm'; host: string; insecure: boolean }
  | { kind: 'forbidden'; host: string; reason: string };

/** The ECS instance metadata service, the only place the ECS RAM role may be read from by default. */
export const ECS_METADATA_HOST = '100.100.100.200';

/** Host (with a non-default port) as shown to the user and compared with what the user confirmed. */
export function hostOf(url: URL): string {
  return url.host.toLowerCase();
}

/** Link-local, "this network" and cloud metadata addresses, in every spelling the URL parser normalises to. */
export function isForbiddenHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (/^169\.254\.\d+\.\d+$/.test(h) || /^0\.\d+\.\d+\.\d+$/.test(h)) return true;
  if (h === ECS_METADATA_HOST || h === 'metadata.google.internal' || h === 'metadata') return true;
  // IPv6: link-local fe80::/10, unspecified, and IPv4-mapped forms of the above.
  if (/^fe[89ab][0-9a-f]:/.test(h) || h === '::' || h === 'fd00:ec2::254') return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(h);
  if (mapped) {
    const n = (parseInt(mapped[1]!, 16) << 16) | parseInt(mapped[2]!, 16);
    return isForbiddenHost([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.'));
  }
  return /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.test(h) && isForbiddenHost(h.slice(7));
}

/** What a credential URL is for: each has its own official hosts. */
export type RemotePurpose = 'sts' | 'credentials-uri' | 'ecs-metadata' | 'oss-endpoint' | 'oss-host';

function isOfficial(purpose: RemotePurpose, url: URL, region: string): boolean {
  const host = url.hostname.toLowerCase();
  const bare = region.replace(/^oss-/, '');
  if (url.port) return false;
  switch (purpose) {
    case 'sts':
      return url.protocol === 'https:' && (host === 'sts.aliyuncs.com' || /^sts(-vpc)?\.[a-z0-9-]+\.aliyuncs\.com$/.test(host));
    case 'ecs-metadata':
      return url.protocol === 'http:' && host === ECS_METADATA_HOST;
    case 'oss-endpoint':
      return url.protocol === 'https:' && [`oss-${bare}.aliyuncs.com`, 'oss-accelerate.aliyuncs.com', 'oss-accelerate-overseas.aliyuncs.com'].includes(host);
    case 'oss-host':
      // A profile's own endpoint or bucket domain: any https host of Alibaba Cloud's own domain.
      return url.protocol === 'https:' && /^([a-z0-9-]+\.)+aliyuncs\.com$/.test(host);
    case 'credentials-uri':
      // Always a user-entered service: shown in the confirmation.
      return false;
  }
}

/** Sorts a URL main is asked to contact into official, needs confirmation, or forbidden. */
export function judgeRemoteUrl(purpose: RemotePurpose, text: string, region: string): HostVerdict {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // No host to show: the text did not parse, and may be anything the user pasted.
    return { kind: 'forbidden', host: '', reason: 'This is not a valid URL.' };
  }
  const host = hostOf(url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'forbidden', host, reason: 'Only https:// (or http://) addresses can be used.' };
  if (url.username || url.password) return { kind: 'forbidden', host, reason: 'The address must not contain a user name or password.' };
  if (isOfficial(purpose, url, region)) return { kind: 'official' };
  if (isForbiddenHost(url.hostname)) {
    return { kind: 'forbidden', host, reason: 'This is a link-local or cloud metadata address; OSS Browser never sends requests there.' };
  }
  return { kind: 'confirm', host, insecure: url.protocol === 'http:' };
}

/**
 * What to do next for each refusal, one plain sentence set per code: the renderer shows the
 * same text from errors:hint.<code> (en and zh-CN). No host inside: it travels in `host`.
 */
export const REMOTE_HOST_HINTS = {
  HostNotConfirmed:
    'Check the address in the profile or the access code. If you or your administrator set it up, try again and choose Trust when OSS Browser asks; otherwise correct or remove it.',
  ForbiddenHost:
    'Enter the address of the real service, or clear the field to use the default. If an access code points here, do not use it: ask the person who shared it for a new one.',
  InsecureHttpNotAllowed:
    'Use an https:// address. If you must use plain HTTP (a test server on your own network, for example), tick "Allow insecure HTTP" under "Endpoint, proxy and timeouts".',
} as const;

/** Thrown (main) or shown (renderer) when a URL is refused or still needs the user's confirmation. */
export class RemoteHostError extends Error {
  constructor(
    readonly code: 'ForbiddenHost' | 'HostNotConfirmed' | 'InsecureHttpNotAllowed' | 'EndpointHostNotConfirmed',
    message: string,
    readonly hint: string,
    /** host[:port] the refusal is about: shown by the UI next to the (translated) text. */
    readonly host?: string,
  ) {
    super(message);
    this.name = 'RemoteHostError';
  }
}

/** The refusal when the user did not trust `host` for signing in (or for an access code's requests). */
export function hostNotConfirmed(host: string, contacted: boolean): RemoteHostError {
  return new RemoteHostError(
    'HostNotConfirmed',
    contacted
      ? 'You did not trust this address, so OSS Browser did not contact it.'
      : 'OSS Browser would send your sign-in request to an address that is not Alibaba Cloud\'s. It needs your confirmation first.',
    REMOTE_HOST_HINTS.HostNotConfirmed,
    host,
  );
}

export interface HostApproval {
  /** Hosts (host[:port]) the user confirmed in the dialog that named them. */
  confirmedHosts?: readonly string[];
  /** The user ticked the plain-HTTP warning. */
  allowInsecureHttp?: boolean;
}

/** Throws RemoteHostError unless `text` may be contacted for `purpose` with the user's approval. */
export function assertRemoteUrlAllowed(purpose: RemotePurpose, text: string, region: string, approval: HostApproval): void {
  const verdict = judgeRemoteUrl(purpose, text, region);
  if (verdict.kind === 'official') return;
  if (verdict.kind === 'forbidden') throw new RemoteHostError('ForbiddenHost', verdict.reason, REMOTE_HOST_HINTS.ForbiddenHost, verdict.host || undefined);
  const endpoint = purpose === 'oss-host' || purpose === 'oss-endpoint';
  if (!(approval.confirmedHosts ?? []).map((h) => h.toLowerCase()).includes(verdict.host)) {
    if (purpose === 'oss-host') throw endpointNotConfirmed(verdict.host);
    throw hostNotConfirmed(verdict.host, false);
  }
  if (verdict.insecure && !approval.allowInsecureHttp) {
    throw new RemoteHostError(
      'InsecureHttpNotAllowed',
      // Worded by what goes over the wire: signed OSS requests and files, or credentials.
      endpoint
        ? 'This OSS address uses plain HTTP: anyone on the network could read the signed requests and your files.'
        : 'This sign-in address uses plain HTTP: anyone on the network could read the credentials it returns.',
      REMOTE_HOST_HINTS.InsecureHttpNotAllowed,
      verdict.host,
    );
  }
}

/** The URLs a credential description makes main contact (what the user must approve). */
export function credentialUrls(c: { type: string; stsEndpoint?: string; credentialsUri?: string; metadataUrl?: string }): Array<[RemotePurpose, string]> {
  const out: Array<[RemotePurpose, string]> = [];
  if ((c.type === 'ram-role' || c.type === 'oidc-role') && c.stsEndpoint) out.push(['sts', c.stsEndpoint]);
  if (c.type === 'credentials-uri' && c.credentialsUri) out.push(['credentials-uri', c.credentialsUri]);
  if (c.type === 'ecs-ram-role' && c.metadataUrl) out.push(['ecs-metadata', c.metadataUrl]);
  return out;
}

/** Hosts of `credentials` that need the user's confirmation, for main's dialog that names them. */
export function hostsToConfirm(c: Parameters<typeof credentialUrls>[0], region: string): Array<{ host: string; insecure: boolean }> {
  return credentialUrls(c).flatMap(([purpose, url]) => {
    const v = judgeRemoteUrl(purpose, url, region);
    return v.kind === 'confirm' ? [{ host: v.host, insecure: v.insecure }] : [];
  });
}

/** Throws RemoteHostError unless every URL of `credentials` is official or approved. */
export function assertCredentialUrlsAllowed(c: Parameters<typeof credentialUrls>[0], region: string, approval: HostApproval): void {
  for (const [purpose, url] of credentialUrls(c)) assertRemoteUrlAllowed(purpose, url, region, approval);
}

/** What to do when an endpoint host was not trusted (the same text in en/errors.json). */
export const ENDPOINT_HOST_HINT =
  "Check the endpoint and the bucket domains in the profile. Trust an address that is not Alibaba Cloud's only if you or your administrator set it up, and choose Trust when OSS Browser asks.";

/** The refusal for an OSS endpoint or bucket domain the user did not trust in main's dialog. */
export function endpointNotConfirmed(host: string): RemoteHostError {
  return new RemoteHostError(
    'EndpointHostNotConfirmed',
    'OSS Browser would send your signed OSS requests (with your AccessKey ID) to an address that is not Alibaba Cloud\'s. You did not trust it, so nothing was sent.',
    ENDPOINT_HOST_HINT,
    host,
  );
}

/** The endpoint settings that decide where main sends signed OSS requests. */
export interface EndpointHosts {
  customUrl?: string | undefined;
  customRegionUrls?: Record<string, string> | undefined;
  /** Per-bucket custom domains: a bare domain means https. */
  cnames?: Record<string, string> | undefined;
}

/**
 * Every URL an endpoint setup can make main send signed OSS requests to (issue 10): the
 * custom URL and per-region URLs (checked whatever the endpoint kind, so switching the kind
 * later cannot bring in an unchecked host) and each bucket's custom domain. Public, internal
 * and accelerate endpoints are built from the region on Alibaba Cloud's own domain.
 */
export function endpointUrls(e: EndpointHosts): string[] {
  const urls = [e.customUrl, ...Object.values(e.customRegionUrls ?? {})].filter((u): u is string => !!u);
  for (const domain of Object.values(e.cnames ?? {})) urls.push(/^https?:\/\//i.test(domain) ? domain : `https://${domain}`);
  return urls;
}

/** Endpoint hosts that need the user's trust (deduplicated), for main's dialog that names them. */
export function endpointHostsToConfirm(e: EndpointHosts): Array<{ host: string; insecure: boolean }> {
  const out = new Map<string, { host: string; insecure: boolean }>();
  for (const url of endpointUrls(e)) {
    const v = judgeRemoteUrl('oss-host', url, '');
    if (v.kind === 'confirm') out.set(v.host, { host: v.host, insecure: (out.get(v.host)?.insecure ?? false) || v.insecure });
  }
  return [...out.values()];
}

/** Throws RemoteHostError unless every endpoint URL is official or approved (plain http also needs the profile's warning). */
export function assertEndpointUrlsAllowed(e: EndpointHosts, approval: HostApproval): void {
  for (const url of endpointUrls(e)) assertRemoteUrlAllowed('oss-host', url, '', approval);
}
