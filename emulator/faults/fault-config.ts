/** The schema of fault settings (latency, bandwidth, error rate, rules) shared by startEmulator options and the admin API. */
import { z } from 'zod';

/** One targeted fault: what it matches and what it does. */
export const faultRuleSchema = z.object({
  match: z
    .object({
      /** HTTP method, case-insensitive. */
      method: z.string().optional(),
      /** Regular expression tested against the decoded `/bucket/key` path. */
      path: z.string().optional(),
      /** RAM action of the operation, e.g. 'oss:PutObject'. */
      operation: z.string().optional(),
      /** Regular expression tested against the raw query string, e.g. 'partNumber=3(&|$)'. */
      query: z.string().optional(),
    })
    .default({}),
  /** error: answer with an OSS error; drop: cut the connection; latency: delay the request. */
  action: z.enum(['error', 'drop', 'latency']),
  /** For error: HTTP status (default 503) and OSS code (default from the status). */
  status: z.number().int().min(400).max(599).optional(),
  code: z.string().optional(),
  /** For drop: body bytes that get through first (request body for uploads, response body otherwise). */
  afterBytes: z.number().int().min(0).default(0),
  latencyMs: z.number().int().min(0).default(0),
  /** Applies to the next N matching requests, then disappears; omitted = every matching request. */
  times: z.number().int().min(1).optional(),
});

/** Faults for the whole server. Everything is off by default. */
export const faultConfigSchema = z.object({
  /** Added before every OSS request. */
  latencyMs: z.number().int().min(0).default(0),
  /** Throughput cap per request, each direction (bytes per second); 0 = unlimited. */
  bandwidthBytesPerSec: z.number().int().min(0).default(0),
  /** Probability (0..1) that a request fails with `errorStatus`. */
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.union([z.literal(500), z.literal(503)]).default(503),
  rules: z.array(faultRuleSchema).default([]),
});

/** Parsed (defaults filled) and input shapes of the fault configuration. */
export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultConfigInput = z.input<typeof faultConfigSchema>;
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
