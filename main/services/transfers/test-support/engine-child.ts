/**
 * Test helper: the transfer engine in a forked Node process (the real entry file, run with
 * tsx), with every HTTP request it sends reported back, so tests can SIGKILL it and count
 * which parts a restart sends again.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { EngineCommand, EngineMessage } from '../engine-process';

export interface EngineChild {
  proc: ChildProcess;
  requests: Array<{ method: string; url: string }>;
  transferred: number;
  states: Record<string, number>;
  send(cmd: EngineCommand): void;
  waitFor(pred: (msg: EngineMessage) => boolean, timeoutMs?: number): Promise<EngineMessage>;
  /** Polls the latest reported state (so a state reached before the call counts too). */
  until(pred: () => boolean, timeoutMs?: number): Promise<void>;
  kill(): Promise<void>;
}

export async function startEngineChild(init: Extract<EngineCommand, { cmd: 'init' }>): Promise<EngineChild> {
  const proc = fork(join(__dirname, '..', 'engine-process-main.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters: Array<{ pred: (m: EngineMessage) => boolean; resolve: (m: EngineMessage) => void }> = [];
  const child: EngineChild = {
    proc,
    requests: [],
    transferred: 0,
    states: {},
    send: (cmd) => proc.send(cmd),
    waitFor(pred, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('engine child: timed out waiting')), timeoutMs);
        waiters.push({
          pred,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    until(pred, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        const timer = setInterval(() => {
          if (pred()) {
            clearInterval(timer);
            resolve();
          } else if (Date.now() > deadline || proc.exitCode !== null) {
            clearInterval(timer);
            reject(new Error(`engine child: condition not reached (${JSON.stringify(child.states)})`));
          }
        }, 5);
      });
    },
    kill() {
      return new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGKILL');
      });
    },
  };
  proc.on('message', (raw) => {
    const msg = raw as EngineMessage;
    if (msg.event === 'request') child.requests.push({ method: msg.method, url: msg.url });
    if (msg.event === 'progress') {
      child.transferred = msg.transferred;
      child.states = msg.states;
    }
    for (const w of [...waiters]) {
      if (w.pred(msg)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(msg);
      }
    }
  });
  const ready = child.waitFor((m) => m.event === 'ready' || m.event === 'error');
  proc.send(init);
  const first = await ready;
  if (first.event === 'error') throw new Error(first.message);
  return child;
}
