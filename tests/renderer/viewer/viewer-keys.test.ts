import { describe, expect, it } from 'vitest';
import { keyCommand, pageStep } from '../../../renderer/viewer/viewer-keys.ts';

describe('viewer keyboard map', () => {
  it('maps clicker keys to scrolling and digits to window presets', () => {
    expect(keyCommand('PageDown')).toEqual({ kind: 'page', direction: 1 });
    expect(keyCommand('ArrowLeft')).toEqual({ kind: 'scroll', by: -1 });
    expect(keyCommand('End')).toEqual({ kind: 'jump', to: 'last' });
    expect(keyCommand('3')).toEqual({ kind: 'preset', index: 2 });
    expect(keyCommand('0')).toEqual({ kind: 'view', command: 'reset' });
  });

  it('reads letters in either case and ignores keys it does not use', () => {
    expect(keyCommand('W')).toEqual({ kind: 'tool', tool: 'window' });
    expect(keyCommand('k')).toEqual({ kind: 'keyImage' });
    expect(keyCommand('q')).toBeNull();
    expect(keyCommand('Enter')).toBeNull();
  });

  it('pages a tenth of the stack, 1 to 10 images', () => {
    expect([pageStep(3), pageStep(60), pageStep(400)]).toEqual([1, 6, 10]);
  });
});
