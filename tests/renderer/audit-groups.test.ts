import { describe, expect, it } from 'vitest';
import { groupAuditEntries } from '../../renderer/cases/audit-groups.ts';
import type { AuditEntry } from '../../shared/domain/audit.ts';

const entry = (id: number, action: string, userName: string): AuditEntry => ({
  id,
  at: `2026-01-01T00:00:${String(id).padStart(2, '0')}Z`,
  userName,
  discipline: 'radiology',
  action,
  caseId: 1,
  detail: '{}',
});

describe('case history grouping', () => {
  it('collapses consecutive autosaves by one person, keeps other people and actions apart', () => {
    const groups = groupAuditEntries([
      entry(6, 'evaluation.save', 'Dr A'),
      entry(5, 'evaluation.save', 'Dr A'),
      entry(4, 'evaluation.save', 'Dr B'),
      entry(3, 'case.update', 'Dr B'),
      entry(2, 'evaluation.save', 'Dr A'),
      entry(1, 'case.create', 'Dr A'),
    ]);
    expect(groups.map((g) => [g.first.id, g.count])).toEqual([
      [6, 2],
      [4, 1],
      [3, 1],
      [2, 1],
      [1, 1],
    ]);
  });
});

describe('the case history', () => {
  it('lists changes, not the audited reads', () => {
    const groups = groupAuditEntries([
      entry(3, 'case.opened', 'Dr. A'),
      entry(2, 'images.viewed', 'Dr. A'),
      entry(1, 'case.create', 'Dr. A'),
    ]);
    expect(groups.map((g) => g.first.action)).toEqual(['case.create']);
  });

  it('keeps every measured-value override apart: each has its own reason', () => {
    const groups = groupAuditEntries([
      entry(3, 'measurements.recordOverride', 'Dr A'),
      entry(2, 'measurements.recordOverride', 'Dr A'),
      entry(1, 'evaluation.save', 'Dr A'),
    ]);
    expect(groups.map((g) => [g.first.id, g.count])).toEqual([
      [3, 1],
      [2, 1],
      [1, 1],
    ]);
  });
});
