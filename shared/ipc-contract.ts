/**
 * The single definition of every IPC channel. Each feature declares its channels in
 * shared/contract/<feature>.ts; this file only merges them, so features add channels
 * without touching each other's lines. Main validates inputs with these schemas, the
 * preload builds one `window.oss` method per request channel, and the renderer's types
 * come from here.
 */
import type { z } from 'zod';
import * as app from './contract/app';
import * as browse from './contract/browse';
import type { OutputOf, PayloadOf } from './contract/define';
import { mergeSide, type DuplicateChannels } from './contract/merge';
import * as profiles from './contract/profiles';
import * as share from './contract/share';
import * as transfers from './contract/transfers';
import type { IpcResult } from './errors';

/** Feature contracts by name: a new feature adds one entry here and nothing else. */
export const featureContracts = { app, profiles, browse, transfers, share } as const;

/** Fails to compile when two features declare the same channel name (see contract/merge.ts). */
const _noDuplicateChannels: [DuplicateChannels<typeof featureContracts, 'requests'>, DuplicateChannels<typeof featureContracts, 'events'>] extends [never, never]
  ? true
  : ['duplicate channel', DuplicateChannels<typeof featureContracts, 'requests' | 'events'>] = true;
void _noDuplicateChannels;

export const requestChannels = mergeSide(featureContracts, 'requests');
export const eventChannels = mergeSide(featureContracts, 'events');

export type RequestChannels = typeof requestChannels;
export type EventChannels = typeof eventChannels;
export type RequestChannel = keyof RequestChannels & string;
export type EventChannel = keyof EventChannels & string;

/** What the caller passes (before zod defaults/transforms). */
export type RequestInput<C extends RequestChannel> = z.input<RequestChannels[C]['input']>;
/** What a handler receives after validation. */
export type ValidatedInput<C extends RequestChannel> = z.output<RequestChannels[C]['input']>;
export type RequestOutput<C extends RequestChannel> = OutputOf<RequestChannels[C]>;
export type EventPayload<E extends EventChannel> = PayloadOf<EventChannels[E]>;

/** Runtime lists used by main (to register) and the preload/test bridge (to build methods). */
export const requestChannelNames = Object.keys(requestChannels) as RequestChannel[];
export const eventChannelNames = Object.keys(eventChannels) as EventChannel[];

/** A request method: the argument is optional when the channel takes no input. */
export type RequestMethod<C extends RequestChannel> = undefined extends RequestInput<C>
  ? (input?: RequestInput<C>) => Promise<IpcResult<RequestOutput<C>>>
  : (input: RequestInput<C>) => Promise<IpcResult<RequestOutput<C>>>;

/**
 * The type of `window.oss`: one method per request channel, keyed by the channel name so
 * a search for 'objects:list' finds the contract, the handler and every caller.
 */
export type OssApi = { readonly [C in RequestChannel]: RequestMethod<C> } & {
  /** Subscribes to an event from main; returns the function that unsubscribes. */
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The local path of a dropped File (Electron's webUtils.getPathForFile). */
  getPathForFile(file: File): string;
};

/** How main-side code pushes an event to the renderer without knowing about Electron. */
export type EmitEvent = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void;
