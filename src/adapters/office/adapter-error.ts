/**
 * The error the office.js adapter raises for the clerk: a bilingual message (what is wrong, where, what to do)
 * plus the Excel error code and the original error when there was one. The task pane shows `clerkMessage`.
 */
import { Message } from '../../domain/common/problem';

export class AdapterError extends Error {
  readonly code: string;
  constructor(readonly clerkMessage: Message, code = 'ElectionClerkAdapter', override readonly cause?: unknown) {
    super(clerkMessage.en);
    this.name = 'AdapterError';
    this.code = code;
  }
}

/** The Excel error code of an office.js error (ItemNotFound, AccessDenied, ...), or undefined. */
export function excelCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

export function describeError(error: unknown): string {
  const code = excelCode(error);
  const text = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${text}` : text;
}

/** Stops between round trips when the clerk pressed cancel. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) {
    const error = new Error('Cancelled by the user.');
    error.name = 'AbortError';
    throw error;
  }
}
