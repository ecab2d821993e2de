/**
 * Imports the official oss-browser's codes as profiles. The STS grant is converted to one of
 * our access codes and goes through the profiles feature's access-code import (the same
 * expiry and endpoint checks); the sub-account code becomes an AccessKey profile whose
 * endpoint template must name an HTTPS endpoint on OSS's own domain.
 */
import { encodeAccessCode } from '../../../shared/access-code';
import { AppException } from '../../../shared/errors';
import { endpointFromTemplate, grantToAccessCode, OssBrowserCodeError, parseOssBrowserCode, splitOssPath } from '../../../shared/oss-browser-code';
import { endpointSchema, profileErrorHints, type ProfileInput, type ProfileView } from '../../../shared/profile-types';

/** What the import needs from the profiles feature. */
export interface ProfileImporter {
  importAccessCode(text: string, name?: string): Promise<ProfileView>;
  add(input: ProfileInput, test: boolean): Promise<ProfileView>;
}

/** OSS's public service domains (mainland and international). */
const OSS_DOMAIN = /(^|\.)aliyuncs\.com$/i;

function invalid(message: string): AppException {
  return new AppException({ code: 'InvalidAccessCode', message, hint: profileErrorHints.InvalidAccessCode });
}

/** An endpoint a pasted code may point the app at: HTTPS on OSS's domain, nothing else. */
export function checkCodeEndpoint(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`The code names an endpoint that is not a URL: ${url.slice(0, 100)}.`);
  }
  if (parsed.protocol !== 'https:' || !OSS_DOMAIN.test(parsed.hostname) || parsed.username || parsed.password) {
    throw invalid(`The code points at ${parsed.protocol}//${parsed.host}, which is not an HTTPS endpoint of Alibaba Cloud OSS. It was not imported.`);
  }
  return parsed;
}

export async function importOssBrowserCode(profiles: ProfileImporter, text: string, name: string | undefined, now: Date): Promise<ProfileView> {
  let parsed;
  try {
    parsed = parseOssBrowserCode(text, now);
  } catch (err) {
    if (err instanceof OssBrowserCodeError) throw invalid(err.message);
    throw err;
  }
  if (parsed.kind === 'grant') {
    const code = grantToAccessCode(parsed.code);
    return profiles.importAccessCode(encodeAccessCode(code), name ?? `${code.bucket}/${code.prefix}`);
  }
  const c = parsed.code;
  const target = endpointFromTemplate(c.eptpl, c.region);
  let endpoint = endpointSchema.parse({ region: c.region });
  if (target) {
    const url = checkCodeEndpoint(target);
    // The default template names the public endpoint: keep the profile on "public" so buckets route by region.
    if (url.hostname.toLowerCase() !== `${c.region}.aliyuncs.com`) endpoint = endpointSchema.parse({ kind: 'custom', region: c.region, customUrl: `https://${url.host}` });
  }
  const start = c.osspath ? splitOssPath(c.osspath) : undefined;
  return profiles.add(
    {
      name: name ?? (c.desc?.trim() || (start ? `${start.bucket}/${start.prefix}` : 'oss-browser')),
      credentials: { type: 'access-key', accessKeyId: c.id, accessKeySecret: c.secret },
      endpoint,
      ...(start ? { startPath: { bucket: start.bucket, prefix: start.prefix, region: c.region } } : {}),
      sessionOnly: false,
    },
    false,
  );
}
