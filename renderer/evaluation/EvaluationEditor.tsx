import { MeasuredContext } from './measured/measured-context.ts';
import { useMeasuredFields } from './measured/use-measured-fields.ts';
import { OverrideDialog } from './measured/OverrideDialog.tsx';
import type { PendingOverride } from '../../shared/measurements/override.ts';
import { overriddenField } from '../../shared/measurements/override.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EvaluationState } from '../../shared/contract/evaluation-schemas.ts';
import type { CaseRecord } from '../../shared/domain/case.ts';
import { todayIso } from '../../shared/domain/dates.ts';
import {
  EVALUATION_SCHEMA,
  computeDerived,
  computeFlags,
  evaluationCompleteness,
  sectionOfField,
  validateEvaluation,
} from '../../shared/evaluation/index.ts';
import type { DiscussionFlag, EvaluationValues } from '../../shared/evaluation/index.ts';
import { api } from '../api.ts';
import { fieldBlockId } from './dom-ids.ts';
import { mergeChanges } from './values-edit.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { FlagsPanel } from './FlagsPanel.tsx';
import { HistoryView } from './HistoryView.tsx';
import { ReadyPanel } from './ReadyPanel.tsx';
import { ReopenDialog } from './ReopenDialog.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SectionForm } from './SectionForm.tsx';
import { SectionNav } from './SectionNav.tsx';
import type { SaveEvaluation } from './use-autosave.ts';
import { useAutosave } from './use-autosave.ts';

interface Props {
  initial: EvaluationState;
  onReload: () => void;
  onCaseChanged: (c: CaseRecord) => void;
  /** Called after each save lands (the case history shows it). */
  onSaved?: () => void;
  /** The live flags, for the urgent banner at the top of the case. */
  onFlags?: ((flags: readonly DiscussionFlag[]) => void) | undefined;
}

const saveEvaluation: SaveEvaluation = (input) => api['evaluation.save'](input);

/**
 * The form, rendered from EVALUATION_SCHEMA: section navigation with completeness, the current
 * section, the ready-for-conference list and discussion prompts, all recomputed live from the
 * values on screen; autosaved a moment after each change.
 */
export function EvaluationEditor({ initial, onReload, onCaseChanged, onSaved, onFlags }: Props) {
  const [values, setValues] = useState<EvaluationValues>(initial.document.values);
  const valuesRef = useRef(values);
  const [sectionId, setSectionId] = useState(EVALUATION_SCHEMA.sections[0]?.id ?? '');
  const [view, setView] = useState<'form' | 'history'>('form');
  const [reopening, setReopening] = useState(false);
  const heading = useRef<HTMLHeadingElement | null>(null);
  /** Where the keyboard focus goes after the user picked a section or a missing item. */
  const [focusRequest, setFocusRequest] = useState<{ fieldId: string | null } | null>(null);
  const autosave = useAutosave({
    caseId: initial.caseId,
    version: initial.version,
    values: initial.document.values,
    save: saveEvaluation,
  });
  const readOnly = initial.readOnly;
  /** A case received for a second opinion: only these sections are open (null: all). */
  const open = initial.editableSections;
  const sectionReadOnly = (id: string): boolean => readOnly || (open !== null && !open.includes(id));
  const measuredFields = useMeasuredFields(initial.caseId);
  const firstVersion = useRef(autosave.version);
  // Once per landed save: the parent's callback may be a new function at every render.
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  useEffect(() => {
    if (autosave.version !== firstVersion.current) onSavedRef.current?.();
  }, [autosave.version]);
  const today = useMemo(() => todayIso(), []);

  const apply = useCallback(
    (edit: (v: EvaluationValues) => EvaluationValues) => {
      if (readOnly) return;
      const next = edit(valuesRef.current);
      valuesRef.current = next;
      setValues(next);
      autosave.schedule(next);
    },
    [readOnly, autosave.schedule],
  );
  /** A typed value over a measured one waits for its reason (OverrideDialog). */
  const [overriding, setOverriding] = useState<PendingOverride | null>(null);
  /** Remounts the section's inputs so they show the form's values again after an override question. */
  const [formKey, setFormKey] = useState(0);
  const measuredRef = useRef(measuredFields);
  measuredRef.current = measuredFields;
  const update = useCallback(
    (edit: (v: EvaluationValues) => EvaluationValues) => {
      if (readOnly) return;
      const pending = overriddenField(valuesRef.current, edit(valuesRef.current), measuredRef.current);
      if (pending) setOverriding(pending);
      else apply(edit);
    },
    [readOnly, apply],
  );
  const closeOverride = (edit?: (v: EvaluationValues) => EvaluationValues): void => {
    if (edit) apply(edit);
    setOverriding(null);
    setFormKey((k) => k + 1);
  };

  /** After a CONFLICT: the newer version plus every field changed here since the last save. */
  const keepMine = async (): Promise<void> => {
    const latest = await api['evaluation.get']({ caseId: initial.caseId });
    if (!latest.ok) return;
    const mine = valuesRef.current;
    const merged = mergeChanges(autosave.savedValues(), mine, latest.value.document.values);
    valuesRef.current = merged;
    setValues(merged);
    autosave.rebase(latest.value.version, latest.value.document.values, merged);
  };

  const derived = useMemo(() => computeDerived(values, { today }), [values, today]);
  const validation = useMemo(() => validateEvaluation(values, { today }), [values, today]);
  const completeness = useMemo(() => evaluationCompleteness(values, { today }), [values, today]);
  const recordCompleteness = useMemo(
    () => evaluationCompleteness(values, { today, stage: 'record' }),
    [values, today],
  );
  const flags = useMemo(() => computeFlags(values, derived, { today }), [values, derived, today]);
  useEffect(() => onFlags?.(flags), [flags, onFlags]);

  const section = EVALUATION_SCHEMA.sections.find((s) => s.id === sectionId) ?? EVALUATION_SCHEMA.sections[0];
  const index = EVALUATION_SCHEMA.sections.findIndex((s) => s.id === section?.id);
  const select = (id: string, focusField?: string) => {
    setView('form');
    setSectionId(id);
    setFocusRequest({ fieldId: focusField ?? null });
  };
  const headingRef = useCallback((el: HTMLHeadingElement | null) => {
    heading.current = el;
  }, []);
  useEffect(() => {
    if (!focusRequest) return;
    const target = focusRequest.fieldId ? document.getElementById(fieldBlockId(focusRequest.fieldId)) : null;
    const focusable = target?.querySelector<HTMLElement>('input, select, textarea, output');
    if (target && focusable) {
      target.scrollIntoView({ block: 'center' });
      focusable.focus();
    } else {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus();
    }
  }, [focusRequest]);
  const jumpTo = (fieldId: string) => {
    const s = sectionOfField(fieldId);
    if (s) select(s.id, fieldId);
  };

  return (
    <MeasuredContext.Provider value={{ caseId: initial.caseId, fields: measuredFields }}>
      <div className="ev-header">
        <h2 id="evaluation-heading">Evaluation</h2>
        <SaveStatus
          autosave={autosave}
          lastSaved={initial.savedAt && initial.savedBy ? { at: initial.savedAt, by: initial.savedBy } : null}
          onKeepMine={() => void keepMine()}
          onReload={onReload}
        />
        <span className="spacer" />
        <button
          type="button"
          aria-pressed={view === 'history'}
          onClick={() => setView(view === 'history' ? 'form' : 'history')}
        >
          {view === 'history' ? 'Back to the form' : 'Version history'}
        </button>
        <ExportMenu caseId={initial.caseId} disabled={autosave.version === 0} />
      </div>
      {readOnly && (
        <div className="notice ev-readonly">
          <span>
            {initial.caseStatus === 'archived'
              ? 'This case is archived: the evaluation is read-only. Restore the case to edit it.'
              : 'This case is decided: the evaluation is read-only.'}
          </span>
          {initial.caseStatus === 'decided' && (
            <button type="button" onClick={() => setReopening(true)}>
              Reopen case…
            </button>
          )}
        </div>
      )}
      {overriding && (
        <OverrideDialog
          caseId={initial.caseId}
          pending={overriding}
          onOverride={closeOverride}
          onCancel={() => closeOverride()}
        />
      )}
      {!readOnly && open && (
        <div className="notice ev-readonly" data-testid="second-opinion-lock">
          <span>
            This case came for your second opinion: the sender’s evaluation is read-only. Fill the{' '}
            {open.map((id) => EVALUATION_SCHEMA.sections.find((s) => s.id === id)?.title ?? id).join(', ')}{' '}
            section.
          </span>
          {section && !open.includes(section.id) && (
            <button type="button" onClick={() => select(open[0] ?? '')}>
              Go to {EVALUATION_SCHEMA.sections.find((s) => s.id === open[0])?.title ?? open[0]}
            </button>
          )}
        </div>
      )}
      {reopening && (
        <ReopenDialog
          caseId={initial.caseId}
          onCancel={() => setReopening(false)}
          onReopened={onCaseChanged}
        />
      )}
      {view === 'history' ? (
        <HistoryView caseId={initial.caseId} version={autosave.version} />
      ) : (
        <>
          <div className="ev-summary">
            <ReadyPanel completeness={completeness} onJump={(m) => select(m.sectionId, m.fieldId)} />
            <FlagsPanel flags={flags} onJump={jumpTo} />
          </div>
          <div className="ev-body">
            <SectionNav
              sections={EVALUATION_SCHEMA.sections}
              current={section?.id ?? ''}
              completeness={completeness}
              recordCompleteness={recordCompleteness}
              onSelect={(id) => select(id)}
            />
            {section && (
              <div className="ev-main">
                <SectionForm
                  key={`${section.id}-${formKey}`}
                  section={section}
                  values={values}
                  derived={derived}
                  validation={validation}
                  update={update}
                  readOnly={sectionReadOnly(section.id)}
                  headingRef={headingRef}
                />
                <div className="button-row ev-pager">
                  {index > 0 && (
                    <button
                      type="button"
                      onClick={() => select(EVALUATION_SCHEMA.sections[index - 1]?.id ?? '')}
                    >
                      {`← ${EVALUATION_SCHEMA.sections[index - 1]?.title ?? ''}`}
                    </button>
                  )}
                  <span className="spacer" />
                  {index < EVALUATION_SCHEMA.sections.length - 1 && (
                    <button
                      type="button"
                      onClick={() => select(EVALUATION_SCHEMA.sections[index + 1]?.id ?? '')}
                    >
                      {`${EVALUATION_SCHEMA.sections[index + 1]?.title ?? ''} →`}
                    </button>
                  )}
                </div>
              </div>
            )}
          </div>
        </>
      )}
    </MeasuredContext.Provider>
  );
}
