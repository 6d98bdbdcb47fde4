import { describe, expect, it } from 'vitest';
import { moveItem } from '../../../shared/conference/agenda-order.ts';
import { buildCaseSummary } from '../../../shared/conference/case-summary.ts';
import { agendaNumber, clickerCommand } from '../../../shared/conference/clicker-keys.ts';
import { buildDeck, firstSlideOf } from '../../../shared/conference/deck.ts';
import { ageInYears, intervalText } from '../../../shared/conference/intervals.ts';
import { caseReadiness } from '../../../shared/conference/readiness.ts';
import { RECOMMENDATION_CODES, recommendationLabel } from '../../../shared/conference/recommendations.ts';
import { lumbarCase } from '../evaluation/fixtures.ts';

describe('clicker keys', () => {
  it('maps what clickers send to presenter commands', () => {
    for (const k of ['PageDown', 'ArrowRight', ' ']) expect(clickerCommand(k)).toEqual({ kind: 'next' });
    for (const k of ['PageUp', 'ArrowLeft']) expect(clickerCommand(k)).toEqual({ kind: 'previous' });
    for (const k of ['b', 'B', '.']) expect(clickerCommand(k)).toEqual({ kind: 'blank' });
    expect(clickerCommand('Escape')).toEqual({ kind: 'leave' });
    expect(clickerCommand('Home')).toEqual({ kind: 'first' });
    expect(clickerCommand('End')).toEqual({ kind: 'last' });
    expect(clickerCommand('7')).toEqual({ kind: 'digit', digit: 7 });
    expect(clickerCommand('w')).toBeNull();
    expect(clickerCommand('ArrowUp')).toBeNull();
  });

  it('reads typed digits as an agenda number, falling back to the last digit', () => {
    expect(agendaNumber('2', 3)).toBe(2);
    expect(agendaNumber('12', 14)).toBe(12);
    expect(agendaNumber('12', 5)).toBe(2);
    expect(agendaNumber('0', 5)).toBeNull();
    expect(agendaNumber('9', 3)).toBeNull();
  });
});

describe('deck', () => {
  it('has a title, then per case its summary, key images and the live viewer', () => {
    const deck = buildDeck([{ keyImageCount: 2 }, { keyImageCount: 0 }]);
    expect(deck.map((s) => s.kind)).toEqual([
      'title',
      'summary',
      'keyImage',
      'keyImage',
      'viewer',
      'summary',
      'viewer',
    ]);
    expect(firstSlideOf(deck, 1)).toBe(5);
    expect(firstSlideOf(deck, 2)).toBe(-1);
  });
});

describe('agenda order', () => {
  it('moves an item and clamps the target', () => {
    expect(moveItem([1, 2, 3], 0, 2)).toEqual([2, 3, 1]);
    expect(moveItem([1, 2, 3], 2, -5)).toEqual([3, 1, 2]);
    expect(moveItem([1, 2, 3], 7, 0)).toEqual([1, 2, 3]);
  });
});

describe('intervals', () => {
  it('counts whole years and months', () => {
    expect(ageInYears('1960-06-16', '2025-06-15')).toBe(64);
    expect(ageInYears('1960-06-15', '2025-06-15')).toBe(65);
    expect(intervalText('2021-03-01', '2025-06-15')).toBe('4 years 3 months');
    expect(intervalText('2025-01-20', '2025-06-15')).toBe('4 months');
    expect(intervalText('2025-06-01', '2025-06-15')).toBe('less than a month');
    expect(intervalText('2024-06-15', '2025-06-15')).toBe('1 year');
  });
});

describe('readiness', () => {
  it('says what is missing', () => {
    const r = caseReadiness({
      form: { answered: 30, required: 36, complete: false },
      keyImages: 0,
      measurements: 2,
    });
    expect(r.ready).toBe(false);
    expect(r.missing).toEqual(['Form 30 of 36 required answers', 'No key images']);
    expect(
      caseReadiness({ form: { answered: 36, required: 36, complete: true }, keyImages: 1, measurements: 1 })
        .ready,
    ).toBe(true);
  });
});

describe('recommendations', () => {
  it('are the evaluation decision codes, not a second list', () => {
    expect(RECOMMENDATION_CODES).toEqual([
      'proceed',
      'modified',
      'nonOperative',
      'investigate',
      'secondOpinion',
      'refer',
      'trial',
    ]);
    expect(recommendationLabel('nonOperative')).toBe('Non-operative care');
  });
});

describe('case summary', () => {
  const c = {
    title: 'Failed L4–S1 fusion',
    clinicalQuestion: ' Revise or not? ',
    patient: { name: 'Doe^Jane', mrn: 'M-1', birthDate: '1960-01-10', sex: 'F' as const },
  };

  it('builds the slide from the form', () => {
    const s = buildCaseSummary(
      c,
      lumbarCase({
        'imaging.pi': 58,
        'imaging.ll': 31,
        'imaging.svaMm': 62,
        'exam.slr': { slr: { left: 'positive' } },
      }),
      '2025-06-15',
    );
    expect(s.ageSex).toBe('65 years, female');
    expect(s.question).toBe('Revise or not?');
    const lines = Object.fromEntries(s.lines.map((l) => [l.label, l.text]));
    expect(lines['Index surgery']).toBe('TLIF, L4-L5; L5-S1 — 2021-03-01 (4 years 3 months ago)');
    expect(lines.Symptoms).toBe('Axial pain; Radicular pain — New symptoms');
    expect(lines['Key exam findings']).toContain('Weakness (MRC): L5 long toe extensors left 4');
    expect(lines['Key exam findings']).toContain('Straight-leg raise positive left');
    expect(lines['ODI / NRS']).toMatch(/^ODI \d+ % \(.+\) · NRS back 7\/10, leg 6\/10$/);
    expect(lines['PI–LL / SVA']).toBe('PI–LL 27° · SVA 62 mm');
    expect(s.urgent).toEqual([]);
  });

  it('lists red-flag symptoms as urgent and groups flags by severity', () => {
    const s = buildCaseSummary(
      c,
      lumbarCase({ 'history.symptoms': ['bowelBladder', 'axialPain'], 'health.smoking': 'current' }),
      '2025-06-15',
    );
    expect(s.urgent).toEqual(['New bowel or bladder dysfunction']);
    // The urgent neurological flag leads the slide, then warnings.
    expect(s.flagGroups.map((g) => g.severity).slice(0, 2)).toEqual(['urgent', 'warning']);
    expect(s.flagGroups[0]!.flags.map((f) => f.id)).toContain('neuroRedFlags');
    const warning = s.flagGroups.find((g) => g.severity === 'warning');
    expect(warning?.flags.map((f) => f.label).join(' ')).toMatch(/smok/i);
  });

  it('says what it does not know rather than guessing', () => {
    const s = buildCaseSummary({ title: 'x', clinicalQuestion: '', patient: null }, {}, '2025-06-15');
    expect(s.ageSex).toBe('Age not recorded, sex not recorded');
    expect(s.lines).toEqual([]);
    expect(s.patientName).toBeNull();
  });
});
