/**
 * Building blocks for feature contracts (shared/contract/<feature>.ts). A request channel
 * pairs a zod schema for its input (validated in main before any handler runs) with an
 * output type carried only at the type level, so the contract costs nothing at runtime
 * beyond the schemas themselves.
 */
import type { z } from 'zod';

/** Carries a type without a runtime value: `out<ListObjectsPage>()`. */
export interface Out<T> {
  readonly __type?: T;
}

/** The phantom marker for a request's output or an event's payload. */
export function out<T>(): Out<T> {
  return {};
}

/** One request channel: zod input schema plus the output type. */
export interface RequestDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly output: Out<O>;
}

/** Declares a request channel: `req(z.object({ bucket: z.string() }), out<Page>())`. */
export function req<I extends z.ZodType, O>(input: I, output: Out<O>): RequestDef<I, O> {
  return { input, output };
}

/** Declares an event channel's payload type: `evt<TransferProgress[]>()`. */
export function evt<T>(): Out<T> {
  return {};
}

/** The shape every feature's `requests` object satisfies. */
export type RequestTable = Record<string, RequestDef>;

/** The shape every feature's `events` object satisfies. */
export type EventTable = Record<string, Out<unknown>>;

/** The output type a request definition carries. */
export type OutputOf<D> = D extends RequestDef<z.ZodType, infer O> ? O : never;

/** The payload type an event definition carries. */
export type PayloadOf<D> = D extends Out<infer P> ? P : never;
