import { measurementLines, motionLine } from '../../../shared/measurements/format.ts';
import type { Measurement } from '../../../shared/measurements/measurement.ts';
import { TOOL_SPECS } from '../../../shared/measurements/tools.ts';
import type { ScrewTag, Vertebra } from '../../../shared/measurements/types.ts';
import { SPINAL_LEVELS } from '../../../shared/measurements/types.ts';
import { api } from '../../api.ts';
import type { MeasurementsModel } from './use-measurements.ts';

const SEGMENTS = SPINAL_LEVELS.slice(0, -1).map((v, i) => `${v}-${SPINAL_LEVELS[i + 1]}`);

function download(name: string, mimeType: string, bytes: BlobPart): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Item({
  m,
  model,
  onShow,
}: {
  m: Measurement;
  model: MeasurementsModel;
  onShow: (m: Measurement) => void;
}) {
  const readOnly = (model.data?.readOnly ?? true) || m.origin !== 'own';
  const levels = m.tool === 'segment' ? SEGMENTS : [...SPINAL_LEVELS, ...SEGMENTS];
  const setScrew = (vertebra: string, side: string): void =>
    void model.update(m.id, {
      screw: vertebra ? { vertebra: vertebra as Vertebra, side: (side || 'left') as ScrewTag['side'] } : null,
    });
  const [head, ...rest] = measurementLines(m);
  return (
    <li className={`ms-panel-item${model.selected === m.id ? ' is-selected' : ''}`} data-measurement={m.id}>
      <button
        type="button"
        className="ms-jump"
        onClick={() => {
          model.setSelected(m.id);
          onShow(m);
        }}
        title={m.scale.caveat ?? 'Show the image'}
      >
        {m.label && <span className="ms-tool">{TOOL_SPECS[m.tool].label}: </span>}
        {head}
        {rest.map((l) => (
          <span key={l} className="ms-line-text">
            {l}
          </span>
        ))}
        <span className="muted ms-where">
          {m.modality} {m.seriesDescription} ·{' '}
          {m.scale.column === null && m.tool !== 'text' && m.tool !== 'arrow' && m.tool !== 'probe'
            ? 'pixels (no spacing)'
            : (m.scale.caveat ?? 'mm in the patient')}
        </span>
        {m.origin !== 'own' && (
          <span className="ms-author" data-origin={m.origin}>
            {m.origin === 'sender' ? 'From the sending team' : 'Second opinion'}: {m.createdBy} · read-only
          </span>
        )}
      </button>
      {!readOnly && (
        <div className="ms-tags">
          <label>
            <span className="visually-hidden">Label of measurement {m.id}</span>
            <input
              defaultValue={m.label}
              placeholder="Label"
              onBlur={(e) => {
                if (e.target.value !== m.label) void model.update(m.id, { label: e.target.value });
              }}
            />
          </label>
          <label>
            <span className="visually-hidden">Level of measurement {m.id}</span>
            <select
              value={m.level ?? ''}
              onChange={(e) => void model.update(m.id, { level: e.target.value || null })}
            >
              <option value="">Level…</option>
              {levels.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          </label>
          {(m.tool === 'halo' || m.tool === 'length' || m.tool === 'probe' || m.tool === 'ellipse') && (
            <>
              <label>
                <span className="visually-hidden">Screw of measurement {m.id}</span>
                <select
                  value={m.screw?.vertebra ?? ''}
                  onChange={(e) => setScrew(e.target.value, m.screw?.side ?? 'left')}
                >
                  <option value="">Screw…</option>
                  {SPINAL_LEVELS.map((v) => (
                    <option key={v} value={v}>
                      {v}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="visually-hidden">Screw side of measurement {m.id}</span>
                <select
                  value={m.screw?.side ?? 'left'}
                  disabled={!m.screw}
                  onChange={(e) => setScrew(m.screw?.vertebra ?? '', e.target.value)}
                >
                  <option value="left">left</option>
                  <option value="right">right</option>
                </select>
              </label>
            </>
          )}
          <button
            type="button"
            onClick={() => void model.remove(m.id)}
            aria-label={`Delete measurement ${m.id}`}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** Whose a motion is, when it is the other side's. */
const originNote = (m: Measurement | undefined): string =>
  m?.origin === 'sender' ? ' (sending team)' : m?.origin === 'secondOpinion' ? ' (second opinion)' : '';

/** The case's measurements: values as stored, flexion/extension motion, tags, jump to the image, export. */
export function MeasurementsPanel({
  model,
  onShow,
}: {
  model: MeasurementsModel;
  onShow: (m: Measurement) => void;
}) {
  const data = model.data;
  const exportAs = async (format: 'csv' | 'sr'): Promise<void> => {
    const r = await api['measurements.export']({ caseId: model.caseId, format });
    if (!r.ok) return;
    const f = r.value;
    download(
      f.name,
      f.mimeType,
      f.encoding === 'base64' ? Uint8Array.from(atob(f.content), (c) => c.charCodeAt(0)) : f.content,
    );
  };
  return (
    <aside className="ms-panel" aria-label="Measurements">
      <div className="ms-panel-head">
        <h2>Measurements</h2>
        <button
          type="button"
          onClick={() => void model.undo()}
          disabled={!model.canUndo}
          title="Undo (Ctrl+Z)"
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => void model.redo()}
          disabled={!model.canRedo}
          title="Redo (Ctrl+Y)"
        >
          Redo
        </button>
      </div>
      {model.error && (
        <p role="alert" className="error-text">
          {model.error}
        </p>
      )}
      {data && data.motions.length > 0 && (
        <section aria-label="Flexion/extension motion" className="ms-motions">
          <h3>Flexion/extension</h3>
          <ul>
            {data.motions.map((mo) => (
              <li key={mo.level} data-testid="motion" className={mo.exceedsFusedLimit ? 'vp-warn' : ''}>
                {motionLine(mo)}
                {originNote(data.measurements.find((m) => m.id === mo.measurementIds[1]))}
              </li>
            ))}
          </ul>
        </section>
      )}
      {data && data.measurements.length === 0 && (
        <p className="muted">No measurements yet. Choose a tool in the toolbar and click on the image.</p>
      )}
      <ul className="ms-list">
        {data?.measurements.map((m) => (
          <Item key={`${m.id}-${m.updatedAt}`} m={m} model={model} onShow={onShow} />
        ))}
      </ul>
      {data && data.measurements.length > 0 && (
        <div className="ms-export">
          <button type="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAs('sr')}>
            Export DICOM SR
          </button>
        </div>
      )}
    </aside>
  );
}
