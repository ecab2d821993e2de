/**
 * Follows one long operation (delete, copy, move, rename) that main runs in the background:
 * buffers progress that arrives before the start reply, keeps the latest progress, and
 * resolves with the final event, whose `failed` list names every key that failed and why.
 */
import type { OperationProgress } from '../../../../shared/object-types';

export interface OperationTransport {
  cancel(operationId: string): Promise<void>;
  subscribe(listener: (p: OperationProgress) => void): () => void;
}

export class OperationRun {
  private id: string | null = null;
  private readonly early: OperationProgress[] = [];
  private readonly unsubscribe: () => void;
  private resolveDone!: (p: OperationProgress) => void;
  /** Resolves with the final progress event. */
  readonly done: Promise<OperationProgress>;
  latest: OperationProgress | null = null;

  constructor(
    private readonly transport: OperationTransport,
    private readonly onProgress: (p: OperationProgress) => void,
  ) {
    this.done = new Promise((r) => (this.resolveDone = r));
    this.unsubscribe = transport.subscribe((p) => {
      if (this.id === null) this.early.push(p);
      else if (p.operationId === this.id) this.apply(p);
    });
  }

  /** Call with the id from the start reply. */
  started(operationId: string): void {
    this.id = operationId;
    for (const p of this.early.splice(0)) if (p.operationId === operationId) this.apply(p);
  }

  /** The start request failed: stop listening. */
  abandon(): void {
    this.unsubscribe();
  }

  async cancel(): Promise<void> {
    if (this.id && !this.latest?.finished) await this.transport.cancel(this.id);
  }

  private apply(p: OperationProgress): void {
    // Intermediate events carry only new failures; keep a running list for the dialog.
    const failed = p.finished ? p.failed : [...(this.latest?.failed ?? []), ...p.failed];
    this.latest = { ...p, failed };
    this.onProgress(this.latest);
    if (p.finished) {
      this.unsubscribe();
      this.resolveDone(this.latest);
    }
  }
}
