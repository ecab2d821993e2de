/**
 * The electron-free core of every IPC call: look up the channel, validate the input with
 * its zod schema, run the handler and return an IpcResult. Main's ipcMain.handle wrapper
 * and the e2e test bridge both call this, so tests exercise the same path as the app.
 */
import type { z } from 'zod';
import { ErrorCode, type IpcResult } from '../../shared/errors';
import { requestChannels, type RequestChannel } from '../../shared/ipc-contract';
import type { Logger } from '../services/log/logger';
import type { HandlerTable } from './handler-types';
import { describeError } from '../services/oss/describe-error';

export interface DispatchOptions {
  log?: Logger;
}

const isChannel = (channel: string): channel is RequestChannel => Object.prototype.hasOwnProperty.call(requestChannels, channel);

/** Names the offending fields: "url: Only https links can be opened." */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'input';
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates and runs one request; never throws. */
export async function dispatch(table: HandlerTable, channel: string, input: unknown, options: DispatchOptions = {}): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: ErrorCode.UnknownChannel, message: `No such channel: ${String(channel).slice(0, 100)}` } };
  }
  const schema: z.ZodType = requestChannels[channel].input;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const message = `Invalid argument for ${channel}: ${describeIssues(parsed.error)}`;
    options.log?.warn(message);
    return { ok: false, error: { code: ErrorCode.InvalidArgument, message } };
  }
  const handler = table[channel] as ((input: unknown, call: { channel: RequestChannel }) => unknown) | undefined;
  if (typeof handler !== 'function') {
    return { ok: false, error: { code: ErrorCode.Internal, message: `${channel} has no handler in this build.` } };
  }
  try {
    const value = await handler(parsed.data, { channel });
    return { ok: true, value };
  } catch (thrown) {
    const error = describeError(thrown);
    options.log?.[error.code === ErrorCode.Internal ? 'error' : 'warn'](`${channel} failed: ${error.code}`, {
      error: error.message,
      requestId: error.requestId,
      ec: error.ec,
      stack: error.code === ErrorCode.Internal && thrown instanceof Error ? thrown.stack : undefined,
    });
    return { ok: false, error };
  }
}
