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

/** A timestamp in the user's language. */
export function formatTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language);
}
