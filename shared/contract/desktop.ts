/**
 * Desktop shell channels: `oss://` links the OS handed to the app, and the page's language
 * for the application menu. A link only ever opens a folder: the page takes the waiting
 * link, and opens it in the profile the user picks among the candidates.
 */
import { z } from 'zod';
import { evt, out, req, type EventTable, type RequestTable } from './define';

/** A validated link to open, with the profiles that may reach it (last used first). */
export interface OpenLink {
  bucket: string;
  /** '' for the bucket root, otherwise ends with '/'. */
  prefix: string;
  /** The object the link named, focused in its folder. */
  focusName?: string;
  candidates: Array<{ id: string; name: string }>;
}

export const requests = {
  /** The oldest waiting link (removed from the queue), or null. */
  'desktop:take-link': req(z.undefined(), out<OpenLink | null>()),
  /** The page's language, so the application menu speaks it too. */
  'desktop:set-language': req(z.object({ language: z.enum(['en', 'zh-CN']) }), out<void>()),
} satisfies RequestTable;

export const events = {
  /** A link arrived; the page calls desktop:take-link until it answers null. */
  'desktop:link-waiting': evt<{ waiting: number }>(),
} satisfies EventTable;
