import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, isMethodName, methods } from '../../shared/contract/methods.ts';
import { createCaseInputSchema, updateCaseInputSchema } from '../../shared/contract/schemas.ts';

describe('API contract', () => {
  it('names methods domain.verb, and recognises only them', () => {
    for (const m of METHOD_NAMES) expect(m).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
    expect(isMethodName('cases.list')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });

  it('marks writing case methods as needing a user', () => {
    expect(methods['cases.create'].needsUser).toBe(true);
    expect(methods['cases.list'].needsUser).toBe(false);
  });

  it('trims and validates a new case', () => {
    expect(createCaseInputSchema.parse({ title: '  Revision L4  ' }).title).toBe('Revision L4');
    const r = createCaseInputSchema.safeParse({ title: 'ab', patient: { mrn: '', birthDate: '2020-02-30' } });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'patient.mrn', 'patient.birthDate']));
  });

  it('rejects impossible and future birth dates', () => {
    const birth = (birthDate: string) =>
      createCaseInputSchema.safeParse({ title: 'Case', patient: { mrn: '1', birthDate } }).error?.issues[0]
        ?.message;
    expect(birth('2020-02-30')).toBe('Not a valid calendar date.');
    expect(birth('1999-1-1')).toBe('Use the date format YYYY-MM-DD.');
    expect(birth('2999-01-01')).toBe('This date is in the future.');
    expect(birth('2020-02-29')).toBeUndefined();
  });

  it('never lets an update set the archived status directly', () => {
    expect(updateCaseInputSchema.safeParse({ id: 1, status: 'archived' }).success).toBe(false);
    expect(updateCaseInputSchema.safeParse({ id: 1, status: 'decided' }).success).toBe(true);
  });
});
