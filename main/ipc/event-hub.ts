/**
 * Fans events from services out to whoever delivers them: the Electron window registry in
 * the app, the page binding in the e2e bridge. Services only see `emit`.
 */
import type { EmitEvent, EventChannel } from '../../shared/ipc-contract';

export type EventSink = (event: EventChannel, payload: unknown) => void;

export interface EventHub {
  readonly emit: EmitEvent;
  /** Adds a sink; returns the function that removes it. */
  connect(sink: EventSink): () => void;
}

/** Creates a hub; a failing sink never stops delivery to the others. */
export function createEventHub(onSinkError?: (error: unknown) => void): EventHub {
  const sinks = new Set<EventSink>();
  return {
    emit: (event, payload) => {
      for (const sink of sinks) {
        try {
          sink(event, payload);
        } catch (error) {
          onSinkError?.(error);
        }
      }
    },
    connect(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
