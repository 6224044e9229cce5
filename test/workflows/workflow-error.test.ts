/** Errors shown to the clerk: their own bilingual message when they have one, cancellation recognised. */
import { CancelledError, isCancelled, messageOf, throwIfCancelled, WorkflowError } from '../../src/workflows/workflow-error';
import { AdapterError } from '../../src/adapters/office/adapter-error';

describe('messageOf', () => {
  it('uses the clerk message of workflow and adapter errors', () => {
    expect(messageOf(new WorkflowError({ zh: '甲。', en: 'A.' }))).toEqual({ zh: '甲。', en: 'A.' });
    expect(messageOf(new AdapterError({ zh: '工作表受保护。', en: 'The sheet is protected.' }, 'AccessDenied'))).toEqual({ zh: '工作表受保护。', en: 'The sheet is protected.' });
  });
  it('wraps any other error with its code and text', () => {
    const m = messageOf(Object.assign(new Error('boom'), { code: 'GeneralException' }));
    expect(m.zh).toBe('操作失败（GeneralException）：boom');
    expect(m.en).toBe('The operation failed (GeneralException): boom');
    expect(messageOf('plain').en).toBe('The operation failed: plain');
  });
});

describe('cancellation', () => {
  it('recognises our own and the adapter\'s AbortError', () => {
    expect(isCancelled(new CancelledError())).toBe(true);
    expect(isCancelled(Object.assign(new Error('x'), { name: 'AbortError' }))).toBe(true);
    expect(isCancelled(new Error('x'))).toBe(false);
    const ctrl = new AbortController();
    expect(() => throwIfCancelled(ctrl.signal)).not.toThrow();
    ctrl.abort();
    expect(() => throwIfCancelled(ctrl.signal)).toThrow(CancelledError);
    expect(messageOf(new CancelledError()).zh).toBe('已取消。');
  });
});
