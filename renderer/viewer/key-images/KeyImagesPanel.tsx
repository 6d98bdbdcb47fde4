import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { KeyImage } from '../../../shared/viewer/viewer-types.ts';
import { api } from '../../api.ts';

interface Props {
  caseId: number;
  keyImages: KeyImage[];
  readOnly: boolean;
  /** Opens the caption form (also the K key). */
  saving: boolean;
  onStartSave: () => void;
  onCancelSave: () => void;
  onSave: (caption: string) => Promise<string | null>;
  onChanged: (list: KeyImage[]) => void;
  onShow: (k: KeyImage) => void;
}

function usePng(k: KeyImage): string | null {
  const [png, setPng] = useState<string | null>(null);
  useEffect(() => {
    if (!k.hasPng) return;
    let current = true;
    void api['viewer.keyImagePng']({ id: k.id }).then((r) => {
      if (current && r.ok) setPng(r.value.dataUrl);
    });
    return () => {
      current = false;
    };
  }, [k.id, k.hasPng, k.updatedAt]);
  return png;
}

function fileName(k: KeyImage, n: number): string {
  const caption = k.caption
    .replace(/[^A-Za-z0-9 _-]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 40);
  return `key-image-${n}${caption ? `-${caption}` : ''}.png`;
}

function KeyImageItem(props: {
  k: KeyImage;
  n: number;
  count: number;
  readOnly: boolean;
  onMove: (delta: number) => void;
  onCaption: (caption: string) => void;
  onDelete: () => void;
  onShow: () => void;
}) {
  const { k, n } = props;
  const png = usePng(k);
  const [caption, setCaption] = useState(k.caption);
  const [confirming, setConfirming] = useState(false);
  const captionId = useId();
  useEffect(() => setCaption(k.caption), [k.caption]);
  const where =
    k.view.display.kind === 'reformat'
      ? `${k.view.display.plane} reformat`
      : `image ${k.view.imageIndex + 1}`;
  return (
    <li className="ki-item">
      <button
        type="button"
        className="ki-thumb-button"
        onClick={props.onShow}
        aria-label={`Show key image ${n}`}
      >
        {png ? (
          <img className="ki-thumb" src={png} alt="" />
        ) : (
          <span className="ki-thumb ki-thumb-empty" aria-hidden="true" />
        )}
      </button>
      <div className="ki-body">
        <div className="ki-meta">
          <strong>{n}.</strong> {k.modality ?? ''} {k.seriesDescription ?? ''} · {where}
        </div>
        <label htmlFor={captionId} className="visually-hidden">
          Caption of key image {n}
        </label>
        <input
          id={captionId}
          className="ki-caption"
          value={caption}
          readOnly={props.readOnly}
          placeholder="No caption"
          maxLength={500}
          onChange={(e) => setCaption(e.target.value)}
          onBlur={() => caption !== k.caption && props.onCaption(caption)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            e.stopPropagation();
          }}
        />
        <div className="ki-actions">
          <button type="button" onClick={props.onShow}>
            Show
          </button>
          {!props.readOnly && (
            <>
              <button
                type="button"
                onClick={() => props.onMove(-1)}
                disabled={n === 1}
                aria-label={`Move key image ${n} up`}
              >
                ↑
              </button>
              <button
                type="button"
                onClick={() => props.onMove(1)}
                disabled={n === props.count}
                aria-label={`Move key image ${n} down`}
              >
                ↓
              </button>
            </>
          )}
          {png && (
            <a className="button-link" href={png} download={fileName(k, n)}>
              PNG
            </a>
          )}
          {!props.readOnly &&
            (confirming ? (
              <>
                <button type="button" className="button-danger" onClick={props.onDelete}>
                  Delete
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button-quiet"
                onClick={() => setConfirming(true)}
                aria-label={`Delete key image ${n}`}
              >
                Delete…
              </button>
            ))}
        </div>
      </div>
    </li>
  );
}

/** The case's key images: save the current view with a caption, reorder, show again, download PNG. */
export function KeyImagesPanel(props: Props) {
  const { keyImages, caseId } = props;
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<string | null>(null);
  const captionId = useId();

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const problem = await props.onSave(caption.trim());
    setError(problem);
    if (!problem) setCaption('');
  };
  const apply = async (
    call: Promise<{ ok: true; value: KeyImage[] | KeyImage } | { ok: false; error: { message: string } }>,
  ) => {
    const r = await call;
    if (!r.ok) return setError(r.error.message);
    setError(null);
    if (Array.isArray(r.value)) props.onChanged(r.value);
    else {
      const updated = r.value;
      props.onChanged(keyImages.map((k) => (k.id === updated.id ? updated : k)));
    }
  };
  const move = (index: number, delta: number): void => {
    const ids = keyImages.map((k) => k.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id!);
    void apply(api['viewer.reorderKeyImages']({ caseId, ids }));
  };

  return (
    <aside className="key-images" aria-labelledby="key-images-heading">
      <div className="ki-header">
        <h2 id="key-images-heading">Key images ({keyImages.length})</h2>
        {!props.readOnly && !props.saving && (
          <button type="button" onClick={props.onStartSave} title="Save the active viewport's view (K)">
            Save view
          </button>
        )}
      </div>
      {props.readOnly && <p className="muted">The case is archived: key images are read-only.</p>}
      {props.saving && (
        <form className="ki-form" onSubmit={(e) => void save(e)}>
          <label htmlFor={captionId}>Caption</label>
          <input
            id={captionId}
            autoFocus
            value={caption}
            maxLength={500}
            placeholder="e.g. L5–S1 lucent cleft, no bridging bone"
            onChange={(e) => setCaption(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') props.onCancelSave();
              e.stopPropagation();
            }}
          />
          <div className="ki-actions">
            <button type="submit" className="button-primary">
              Save key image
            </button>
            <button type="button" onClick={props.onCancelSave}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {keyImages.length === 0 && !props.saving && (
        <p className="muted">None yet. Press K to save the active view.</p>
      )}
      <ol className="ki-list">
        {keyImages.map((k, i) => (
          <KeyImageItem
            key={k.id}
            k={k}
            n={i + 1}
            count={keyImages.length}
            readOnly={props.readOnly}
            onMove={(delta) => move(i, delta)}
            onCaption={(c) => void apply(api['viewer.updateKeyImage']({ id: k.id, caption: c }))}
            onDelete={() => void apply(api['viewer.deleteKeyImage']({ id: k.id }))}
            onShow={() => props.onShow(k)}
          />
        ))}
      </ol>
    </aside>
  );
}
