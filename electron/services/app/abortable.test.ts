import { describe, expect, it } from 'vitest';
import { abortable } from './abortable';

describe('abortable', () => {
  it('rejects as soon as the signal aborts, without waiting for the work', async () => {
    const controller = new AbortController();
    const never = new Promise<string>(() => undefined);
    const waiting = abortable(never, controller.signal);
    controller.abort(new Error('stopped by the person'));
    await expect(waiting).rejects.toThrow('stopped by the person');
    await expect(abortable(Promise.resolve(1), controller.signal)).rejects.toThrow('stopped by the person');
  });

  it('passes the work’s own result or error through when not aborted', async () => {
    const controller = new AbortController();
    await expect(abortable(Promise.resolve('printed'), controller.signal)).resolves.toBe('printed');
    await expect(abortable(Promise.reject(new Error('printer jam')), controller.signal)).rejects.toThrow('printer jam');
    await expect(abortable(Promise.resolve('no signal'), undefined)).resolves.toBe('no signal');
  });
});
