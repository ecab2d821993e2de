/**
 * Links that arrived before the page could take them. The OS may hand over a link before
 * the window exists (first launch, macOS 'open-url' before ready) or while it is busy, so
 * links wait here; the page is told "a link is waiting" and takes them one by one, which
 * loses none and opens none twice.
 */
import { parseOssLink, type LinkRejection, type LinkTarget } from './deep-link';

/** Links kept at most; older ones are dropped (a flood of links must not grow memory). */
const MAX_WAITING = 8;

export type LinkArrival = { accepted: true; target: LinkTarget } | { accepted: false; reason: LinkRejection };

export class LinkInbox {
  private readonly waiting: LinkTarget[] = [];

  /** @param onWaiting called after a valid link is queued (main then tells the page). */
  constructor(private readonly onWaiting: () => void = () => undefined) {}

  /** Parses and queues a link; a rejected one is not queued (the caller logs why). */
  receive(link: string): LinkArrival {
    const parsed = parseOssLink(link);
    if (!parsed.ok) return { accepted: false, reason: parsed.reason };
    this.waiting.push(parsed.target);
    if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    this.onWaiting();
    return { accepted: true, target: parsed.target };
  }

  /** The oldest waiting link, removed from the queue; null when none waits. */
  take(): LinkTarget | null {
    return this.waiting.shift() ?? null;
  }

  /** How many links wait (tests, diagnostics). */
  get size(): number {
    return this.waiting.length;
  }
}
