/** The admin API under /__emulator/ (token-guarded): reset, clock, seeding, CNAMEs and faults, so tests steer a running emulator over HTTP. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Store } from '../core/contract';
import { sendJson } from '../http/xml';
import type { Clock } from '../faults/clock';
import { faultConfigSchema, faultRuleSchema } from '../faults/fault-config';
import type { FaultInjector } from '../faults/fault-injector';

/** Optional store extras (the real store has them) used to seed data without signing. */
interface SeedingStore extends Store {
  createBucket?(name: string, ownerAccountId: string, region: string): Promise<void>;
  seedObjects?(bucket: string, objects: Array<{ key: string; body?: Buffer; size?: number; contentType?: string }>): Promise<number>;
}

/** What the admin API controls. */
export interface AdminDeps {
  token: string;
  faults: FaultInjector;
  clock: Clock;
  store(): SeedingStore;
  /** Public facts: endpoints, regions, demo keys. */
  info(): unknown;
  /** Drops all data, STS sessions, faults and the clock offset. */
  reset(): Promise<void>;
  defaultRegion: string;
  defaultAccountId: string;
  /** Custom domain → bucket bindings the gate honours. */
  cnames: Map<string, string>;
}

const MAX_BODY = 256 * 1024 * 1024;

const bucketSchema = z.object({
  name: z.string(),
  region: z.string().optional(),
  ownerAccountId: z.string().optional(),
});

const seedSchema = z.object({
  bucket: z.string(),
  region: z.string().optional(),
  ownerAccountId: z.string().optional(),
  objects: z.array(
    z.object({
      key: z.string().min(1),
      /** UTF-8 text body. */
      body: z.string().optional(),
      bodyBase64: z.string().optional(),
      /** Zero-filled body of this size (costs no storage in the real store). */
      size: z.number().int().min(0).optional(),
      contentType: z.string().optional(),
    }),
  ),
});

/**
 * The admin API under `/__emulator/` on every OSS port. All routes but `health` need the
 * token printed at start in `x-emulator-admin-token` (or `Authorization: Bearer …`).
 *   GET  health | info            PUT/GET clock {offsetMs}     POST reset
 *   POST buckets {name, region?, ownerAccountId?}
 *   POST seed {bucket, region?, objects:[{key, body|bodyBase64|size, contentType?}]}
 *   GET/PUT cnames {domain: bucket}
 *   GET/PUT/DELETE faults (FaultConfig)   POST faults/rules (FaultRule) → {id}   DELETE faults/rules/<id>
 */
export function createAdminHandler(deps: AdminDeps): (req: IncomingMessage, res: ServerResponse, requestId: string) => Promise<void> {
  return async (req, res, requestId) => {
    const path = (req.url ?? '').split('?')[0]!.replace(/^\/__emulator\/?/, '').replace(/\/$/, '');
    const method = req.method ?? 'GET';
    const reply = (status: number, value: unknown) => sendJson(res, status, value, { 'x-oss-request-id': requestId });
    if (path === 'health') return reply(200, { ok: true });
    if (!authorized(req, deps.token)) return reply(403, { Code: 'AccessDenied', Message: 'Missing or wrong x-emulator-admin-token.' });
    try {
      const result = await route(deps, method, path, req);
      if (result === undefined) return reply(404, { Code: 'NotFound', Message: `No admin route ${method} /__emulator/${path}` });
      return reply(200, result);
    } catch (err) {
      const message = err instanceof z.ZodError ? z.prettifyError(err) : err instanceof Error ? err.message : String(err);
      return reply(400, { Code: 'InvalidArgument', Message: message });
    }
  };
}

async function route(deps: AdminDeps, method: string, path: string, req: IncomingMessage): Promise<unknown> {
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET info':
      return deps.info();
    case 'POST reset':
      await deps.reset();
      return { ok: true };
    case 'GET clock':
      return { offsetMs: deps.clock.offsetMs, now: deps.clock.now().toISOString() };
    case 'PUT clock': {
      const { offsetMs } = z.object({ offsetMs: z.number() }).parse(await readJson(req));
      deps.clock.offsetMs = offsetMs;
      return { offsetMs, now: deps.clock.now().toISOString() };
    }
    case 'GET cnames':
      return Object.fromEntries(deps.cnames);
    case 'PUT cnames': {
      const bindings = z.record(z.string(), z.string()).parse(await readJson(req));
      deps.cnames.clear();
      for (const [domain, bucket] of Object.entries(bindings)) deps.cnames.set(domain.toLowerCase(), bucket);
      return Object.fromEntries(deps.cnames);
    }
    case 'GET faults':
      return deps.faults.snapshot();
    case 'PUT faults':
      deps.faults.set(faultConfigSchema.parse(await readJson(req)));
      return deps.faults.snapshot();
    case 'DELETE faults':
      deps.faults.clear();
      return deps.faults.snapshot();
    case 'POST faults/rules':
      return { id: deps.faults.addRule(faultRuleSchema.parse(await readJson(req))) };
    case 'POST buckets': {
      const b = bucketSchema.parse(await readJson(req));
      await ensureBucket(deps, b.name, b.region, b.ownerAccountId);
      return { ok: true };
    }
    case 'POST seed': {
      const s = seedSchema.parse(await readJson(req));
      const store = deps.store();
      if (!store.seedObjects) throw new Error('This store cannot seed objects.');
      await ensureBucket(deps, s.bucket, s.region, s.ownerAccountId);
      const objects = s.objects.map((o) => ({
        key: o.key,
        body: o.bodyBase64 !== undefined ? Buffer.from(o.bodyBase64, 'base64') : o.body !== undefined ? Buffer.from(o.body, 'utf8') : undefined,
        size: o.size,
        contentType: o.contentType,
      }));
      return { seeded: await store.seedObjects(s.bucket, objects) };
    }
    default: {
      const m = /^faults\/rules\/(\d+)$/.exec(path);
      if (method === 'DELETE' && m) return { removed: deps.faults.removeRule(Number(m[1])) };
      return undefined;
    }
  }
}

async function ensureBucket(deps: AdminDeps, name: string, region: string | undefined, owner: string | undefined): Promise<void> {
  const store = deps.store();
  if (await store.getBucket(name)) return;
  if (!store.createBucket) throw new Error('This store cannot create buckets directly.');
  await store.createBucket(name, owner ?? deps.defaultAccountId, region ?? deps.defaultRegion);
}

function authorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers['x-emulator-admin-token'];
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const given = typeof header === 'string' ? header : bearer;
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error('Admin request body too large.');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}
