/** The profile's signature version (V4 links are limited to 7 days; V1 profiles are not). */
import { useEffect, useState } from 'react';
import { call } from '../../lib/oss-api';

export function useSignatureVersion(profileId: string): 'v1' | 'v4' {
  const [version, setVersion] = useState<'v1' | 'v4'>('v4');
  useEffect(() => {
    let live = true;
    call('profiles:list').then(
      (list) => live && setVersion(list.profiles.find((p) => p.id === profileId)?.endpoint.signatureVersion ?? 'v4'),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [profileId]);
  return version;
}

/** A link or endpoint on this computer (the local sandbox): it cannot reach anyone else. */
export function isLocalAddress(urlOrHost: string): boolean {
  let host = urlOrHost.replace(/:\d+$/, '');
  // "localhost:4000" would parse as a URL with the scheme "localhost:": only full URLs go through URL.
  if (urlOrHost.includes('://')) {
    try {
      host = new URL(urlOrHost).hostname;
    } catch {
      return false;
    }
  }
  return ['localhost', '127.0.0.1', '[::1]', '::1'].includes(host.toLowerCase());
}

/** A timestamp in the user's language. */
export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language);
}
