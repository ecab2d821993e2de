/**
 * What to do with an oss:// link main handed over: open it at once when exactly one
 * profile may reach it, ask when several may, explain when none can.
 */
import type { OpenLink } from '../../../shared/contract/desktop';

export type LinkDecision =
  | { kind: 'open'; profileId: string; profileName: string }
  | { kind: 'choose' }
  | { kind: 'none' };

export function decideLink(link: OpenLink): LinkDecision {
  const [only, ...others] = link.candidates;
  if (!only) return { kind: 'none' };
  return others.length === 0 ? { kind: 'open', profileId: only.id, profileName: only.name } : { kind: 'choose' };
}

/** The address the user sees for a link (the folder it opens). */
export function linkAddress(link: Pick<OpenLink, 'bucket' | 'prefix' | 'focusName'>): string {
  return `oss://${link.bucket}/${link.prefix}${link.focusName ?? ''}`;
}
