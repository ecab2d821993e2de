/**
 * Desktop shell channels: `oss://` links the OS handed to the app, the page's language
 * for the application menu, and the window's layout (sidebar and column widths) that main
 * keeps with the window's size and place, per display arrangement. A link only ever opens
 * a folder: the page takes the waiting link, and opens it in the profile the user picks
 * among the candidates.
 */
import { z } from 'zod';
import { boundedRecord } from './schema-bounds';
import { evt, out, req, type EventTable, type RequestTable } from './define';

/** The sidebar's width in CSS pixels: the resizer's range and its double-click reset. */
export const SIDEBAR_WIDTH = { min: 180, max: 480, initial: 260 } as const;
/** A listing column's width in CSS pixels. */
export const COLUMN_WIDTH = { min: 48, max: 480 } as const;

/**
 * The layout the page asks main to remember. Column widths are keyed by column id (the
 * browse feature owns the ids); unknown ids are kept, so a newer page's columns survive.
 */
export const windowLayoutSchema = z
  .object({
    sidebarWidth: z.number().int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max).optional(),
    columns: boundedRecord(z.string().max(32).regex(/^[A-Za-z][\w-]{0,31}$/), z.number().int().min(COLUMN_WIDTH.min).max(COLUMN_WIDTH.max), 16).optional(),
  })
  .strict();
export type WindowLayout = z.infer<typeof windowLayoutSchema>;

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
  /** The layout remembered for the current display arrangement ({} when none is). */
  'desktop:get-layout': req(z.undefined(), out<WindowLayout>()),
  /** Remembers the layout (merged: a field left out keeps its saved value). */
  'desktop:set-layout': req(windowLayoutSchema, out<void>()),
} satisfies RequestTable;

export const events = {
  /** A link arrived; the page calls desktop:take-link until it answers null. */
  'desktop:link-waiting': evt<{ waiting: number }>(),
} satisfies EventTable;
