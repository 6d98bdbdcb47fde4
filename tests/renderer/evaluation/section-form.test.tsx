import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { SectionForm } from '../../../renderer/evaluation/SectionForm.tsx';
import { fieldBlockId, fieldDomId } from '../../../renderer/evaluation/dom-ids.ts';
import type { EvaluationValues } from '../../../shared/evaluation/index.ts';
import {
  EVALUATION_SCHEMA,
  computeDerived,
  isVisible,
  sectionById,
  validateEvaluation,
} from '../../../shared/evaluation/index.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = '2025-06-15';
const VALUES: EvaluationValues = {
  'history.levelsFused': ['L4-L5', 'L5-S1'],
  'history.implants': ['cagePeek'],
  'health.weightKg': '9O',
  'health.heightCm': 170,
  'alternatives.treatments': [{ id: 'a', values: { treatment: 'medication' } }],
};

function render(sectionId: string, values: EvaluationValues, update = vi.fn(), readOnly = false) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const section = sectionById(sectionId)!;
  act(() =>
    root.render(
      <SectionForm
        section={section}
        values={values}
        derived={computeDerived(values, { today: TODAY })}
        validation={validateEvaluation(values, { today: TODAY })}
        update={update}
        readOnly={readOnly}
        headingRef={() => {}}
      />,
    ),
  );
  return { container, root, update };
}

describe('the form is drawn from the schema', () => {
  it('renders every visible field of every section, each findable by its id', () => {
    for (const section of EVALUATION_SCHEMA.sections) {
      const { container, root } = render(section.id, VALUES);
      for (const field of section.fields) {
        const block = container.querySelector(`#${fieldBlockId(field.id)}`);
        // A unit choice is drawn inside its number field's block, not in one of its own.
        const ownBlock = !(field.kind === 'singleChoice' && field.unitOf);
        expect(block !== null, `${field.id}`).toBe(ownBlock && isVisible(field, VALUES));
      }
      act(() => root.unmount());
    }
  });

  it('keeps an invalid number as typed, marks it, and reports it under the field', () => {
    const { container, root } = render('health', VALUES);
    const weight = container.querySelector<HTMLInputElement>(`#${fieldDomId('health.weightKg')}`)!;
    expect(weight.value).toBe('9O');
    expect(weight.getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('Weight must be a number between 20 and 400 kg (entered “9O”).');
    expect(container.textContent).toContain('kg');
    act(() => root.unmount());
  });

  it('shows computed values live, the level grid rows from the levels fused, list items', () => {
    const values = { ...VALUES, 'health.weightKg': 95 };
    const health = render('health', values);
    expect(health.container.querySelector(`#${fieldDomId('health.bmi')}`)?.textContent).toBe('32.9 kg/m²');
    act(() => health.root.unmount());
    const imaging = render('imaging', values);
    const legends = [...imaging.container.querySelectorAll('.ev-level > legend')].map((l) => l.textContent);
    expect(legends).toEqual(['L2-L3 adjacent', 'L3-L4 adjacent', 'L4-L5 fused', 'L5-S1 fused']);
    // Cage fusion (BSF) shows because a cage was implanted; on fused levels only.
    expect(
      imaging.container.querySelector(`#${fieldDomId('imaging.levels', 'L5-S1', 'bsf')}`),
    ).not.toBeNull();
    expect(imaging.container.querySelector(`#${fieldDomId('imaging.levels', 'L3-L4', 'bsf')}`)).toBeNull();
    act(() => imaging.root.unmount());
    const list = render('alternatives', values);
    expect(list.container.querySelector('.ev-list-item legend')?.textContent).toBe(
      'Non-operative treatment 1',
    );
    act(() => list.root.unmount());
  });

  it('sends edits through update, and disables everything when read-only', () => {
    const { container, root, update } = render('history', VALUES);
    const surgeon = container.querySelector<HTMLInputElement>(`#${fieldDomId('history.surgeon')}`)!;
    act(() => {
      const descriptor = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
      descriptor?.set?.call(surgeon, 'Dr Z');
      surgeon.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(update).toHaveBeenCalled();
    const edit = update.mock.calls[0]![0] as (v: EvaluationValues) => EvaluationValues;
    expect(edit({})).toEqual({ 'history.surgeon': 'Dr Z' });
    act(() => root.unmount());
    const ro = render('history', VALUES, vi.fn(), true);
    expect(ro.container.querySelector('fieldset.ev-fields')?.hasAttribute('disabled')).toBe(true);
    act(() => ro.root.unmount());
  });
});
