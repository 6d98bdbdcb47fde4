import { describe, expect, it } from 'vitest';
import { TRANSFER_SYNTAXES, transferSyntax } from '../../../shared/dicom/transfer-syntaxes.ts';

const REQUIRED = {
  '1.2.840.10008.1.2': { encapsulated: false, lossy: false, littleEndian: true, explicitVr: false },
  '1.2.840.10008.1.2.1': { encapsulated: false, lossy: false, littleEndian: true, explicitVr: true },
  '1.2.840.10008.1.2.2': { encapsulated: false, lossy: false, littleEndian: false, explicitVr: true },
  '1.2.840.10008.1.2.1.99': { encapsulated: false, lossy: false, deflated: true },
  '1.2.840.10008.1.2.5': { encapsulated: true, lossy: false, encoding: 'rle' },
  '1.2.840.10008.1.2.4.50': { encapsulated: true, lossy: true, encoding: 'jpeg-baseline' },
  '1.2.840.10008.1.2.4.51': { encapsulated: true, lossy: true, encoding: 'jpeg-extended' },
  '1.2.840.10008.1.2.4.57': { encapsulated: true, lossy: false, encoding: 'jpeg-lossless' },
  '1.2.840.10008.1.2.4.70': { encapsulated: true, lossy: false, encoding: 'jpeg-lossless' },
  '1.2.840.10008.1.2.4.80': { encapsulated: true, lossy: false, encoding: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.81': { encapsulated: true, lossy: true, encoding: 'jpeg-ls' },
  '1.2.840.10008.1.2.4.90': { encapsulated: true, lossy: false, encoding: 'jpeg-2000' },
  '1.2.840.10008.1.2.4.91': { encapsulated: true, lossy: true, encoding: 'jpeg-2000' },
};

describe('transfer syntax table', () => {
  it.each(Object.entries(REQUIRED))('%s is supported with the right flags', (uid, flags) => {
    const ts = transferSyntax(uid);
    expect(ts.supported).toBe(true);
    expect(ts).toMatchObject(flags);
    expect(ts.name.length).toBeGreaterThan(5);
  });

  it('lists exactly the required syntaxes as supported', () => {
    const supported = [...TRANSFER_SYNTAXES.values()].filter((t) => t.supported).map((t) => t.uid);
    expect(supported.sort()).toEqual(Object.keys(REQUIRED).sort());
  });

  it('names known but unsupported syntaxes, and flags unknown ones', () => {
    expect(transferSyntax('1.2.840.10008.1.2.4.201')).toMatchObject({ supported: false, encapsulated: true });
    expect(transferSyntax('1.2.840.10008.1.2.4.201').name).toMatch(/High-Throughput JPEG 2000/);
    const unknown = transferSyntax('1.2.3.4');
    expect(unknown.supported).toBe(false);
    expect(unknown.name).toContain('1.2.3.4');
  });

  it('ignores the NUL padding of UI values', () => {
    expect(transferSyntax('1.2.840.10008.1.2.1\0').uid).toBe('1.2.840.10008.1.2.1');
    expect(transferSyntax('1.2.840.10008.1.2.1\0').supported).toBe(true);
  });
});
