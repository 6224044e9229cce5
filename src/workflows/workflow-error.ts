/**
 * Errors the workflows raise for the clerk: a bilingual message saying what is wrong and what to do, and a
 * distinct cancellation error when the clerk pressed 取消 (cancel).
 */
import { Message } from '../domain/common/problem';

export class WorkflowError extends Error {
  constructor(readonly clerkMessage: Message) {
    super(clerkMessage.en);
    this.name = 'WorkflowError';
  }
}

export class CancelledError extends Error {
  constructor() {
    super('Cancelled by the user.');
    this.name = 'AbortError';
  }
}

export function throwIfCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}

/** A message for any error: the clerk's message when there is one, otherwise the error's own text. */
export function messageOf(error: unknown): Message {
  if (error instanceof WorkflowError) return error.clerkMessage;
  const anyError = error as { clerkMessage?: Message; message?: unknown; code?: unknown } | null;
  if (anyError && anyError.clerkMessage && typeof anyError.clerkMessage.zh === 'string') return anyError.clerkMessage;
  if (isCancelled(error)) return { zh: '已取消。', en: 'Cancelled.' };
  const text = anyError && typeof anyError.message === 'string' ? anyError.message : String(error);
  const code = anyError && typeof anyError.code === 'string' ? `（${anyError.code}）` : '';
  return { zh: `操作失败${code}：${text}`, en: `The operation failed${code ? ` (${String(anyError?.code)})` : ''}: ${text}` };
}
