/** Entry point of the transfer engine's own process (forked by main or by tests). */
import { serveEngine, type EngineMessage } from './engine-process';

if (!process.send) throw new Error('The transfer engine process must be started with an IPC channel.');
serveEngine(
  {
    send: (msg: EngineMessage) => process.send!(msg),
    on: (event, listener) => process.on(event, listener as (msg: unknown) => void),
  },
  () => process.exit(0),
);
