/** Applies configured faults to requests (latency, 5xx, throttling, resets, fail-next-N rules) so retry and resume paths can be tested. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OssError } from '../core/contract';
import { faultConfigSchema, faultRuleSchema, type FaultConfig, type FaultConfigInput, type FaultRule, type FaultRuleInput } from './fault-config';
import { throttleRequest, throttleResponse, dropRequestAfter, dropResponseAfter } from './stream-faults';

/** What the gate knows about a request when it asks for faults. */
export interface FaultTarget {
  method: string;
  /** Decoded `/bucket/key` (or `/`). */
  path: string;
  /** RAM action of the resolved operation, when known. */
  operation?: string;
  /** Raw query string (without '?'). */
  query?: string;
}

interface ActiveRule extends FaultRule {
  id: number;
}

/**
 * Holds the fault configuration and applies it to requests: latency, a bandwidth cap, a
 * random 5xx rate, and targeted rules ("fail the next N PUTs to /b/k", "drop GETs after
 * 1 MiB"). The admin API and startEmulator options both feed it.
 */
export class FaultInjector {
  private config: FaultConfig = faultConfigSchema.parse({});
  private rules: ActiveRule[] = [];
  private nextId = 1;

  constructor(initial?: FaultConfigInput, private readonly random: () => number = Math.random) {
    if (initial) this.set(initial);
  }

  /** Replaces the whole configuration (rules included). */
  set(input: FaultConfigInput): void {
    this.config = faultConfigSchema.parse(input);
    this.rules = [];
    for (const rule of this.config.rules) this.addRule(rule);
  }

  /** Adds one targeted rule and returns its id. */
  addRule(input: FaultRuleInput): number {
    const rule = faultRuleSchema.parse(input);
    const id = this.nextId++;
    this.rules.push({ ...rule, id });
    return id;
  }

  removeRule(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length !== before;
  }

  clear(): void {
    this.set({});
  }

  snapshot(): FaultConfig & { rules: ActiveRule[] } {
    return { ...this.config, rules: this.rules.map((r) => ({ ...r })) };
  }

  /**
   * Applies faults to one request. Resolves when the request may proceed; throws an
   * OssError for an injected error; returns 'dropped' when the connection was cut.
   */
  async apply(target: FaultTarget, req: IncomingMessage, res: ServerResponse): Promise<'proceed' | 'dropped'> {
    const matched = this.takeMatching(target);
    const latency = this.config.latencyMs + matched.reduce((sum, r) => sum + (r.action === 'latency' ? r.latencyMs : 0), 0);
    if (latency > 0) await sleep(latency);
    const error = matched.find((r) => r.action === 'error');
    if (error) throw injectedError(error.status ?? 503, error.code);
    if (this.config.errorRate > 0 && this.random() < this.config.errorRate) throw injectedError(this.config.errorStatus, undefined);
    const drop = matched.find((r) => r.action === 'drop');
    if (drop) {
      const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
      if (hasBody || req.headers['transfer-encoding'] !== undefined) dropRequestAfter(req, drop.afterBytes);
      else if (drop.afterBytes === 0) {
        req.socket.destroy();
        return 'dropped';
      } else dropResponseAfter(res, drop.afterBytes);
    }
    if (this.config.bandwidthBytesPerSec > 0) {
      throttleRequest(req, this.config.bandwidthBytesPerSec);
      throttleResponse(res, this.config.bandwidthBytesPerSec);
    }
    return 'proceed';
  }

  private takeMatching(target: FaultTarget): ActiveRule[] {
    const matched = this.rules.filter((rule) => matches(rule, target));
    for (const rule of matched) {
      if (rule.times === undefined) continue;
      rule.times -= 1;
      if (rule.times <= 0) this.removeRule(rule.id);
    }
    return matched;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  const { method, path, operation, query } = rule.match;
  if (method && method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (query && !new RegExp(query).test(target.query ?? '')) return false;
  if (path && !new RegExp(path).test(target.path)) return false;
  if (operation && operation.toLowerCase() !== (target.operation ?? '').toLowerCase()) return false;
  return true;
}

function injectedError(status: number, code: string | undefined): OssError {
  if (status === 503) return new OssError(503, code ?? 'ServiceUnavailable', 'Please reduce your request rate.', '0000-00000503');
  if (status === 500) return new OssError(500, code ?? 'InternalError', 'We encountered an internal error. Please try again.', '0000-00000500');
  return new OssError(status, code ?? 'InjectedFault', 'Fault injected by the emulator.', '0000-00000000');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
