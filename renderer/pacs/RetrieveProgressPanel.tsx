import type { RetrieveProgress } from '../../shared/contract/pacs-schemas.ts';

const PHASES: Record<RetrieveProgress['phase'], string> = {
  listing: 'Asking the archive what the study holds…',
  downloading: 'Downloading',
  importing: 'Importing the last images',
  done: 'Retrieved',
  cancelled: 'Cancelled',
  failed: 'Stopped',
};

/** A retrieve as it runs (images, MB/s, time left) and its summary with a reason per failed file. */
export function RetrieveProgressPanel({
  progress,
  onCancel,
}: {
  progress: RetrieveProgress;
  onCancel: () => void;
}) {
  const p = progress;
  const have = p.alreadyStored + p.downloaded;
  const running = p.state === 'running';
  return (
    <section className="panel pacs-progress" aria-label="Retrieve progress" aria-live="polite">
      <div className="section-header">
        <h2>{PHASES[p.phase]}</h2>
        {running && (
          <button type="button" onClick={onCancel}>
            Cancel retrieve
          </button>
        )}
      </div>
      {p.instancesTotal > 0 && <progress max={p.instancesTotal} value={have} />}
      <p>
        {have} of {p.instancesTotal} images
        {p.alreadyStored ? ` (${p.alreadyStored} were already here)` : ''} ·{' '}
        {(p.bytesDownloaded / 1e6).toFixed(1)} MB
        {running && p.megabytesPerSecond > 0 ? ` · ${p.megabytesPerSecond.toFixed(1)} MB/s` : ''}
        {running && p.etaSeconds !== null ? ` · about ${p.etaSeconds} s left` : ''}
      </p>
      {!running && (
        <p>
          {p.imported} new images imported, {p.duplicates} duplicates, {p.skipped} skipped, {p.failed.length}{' '}
          failed.
        </p>
      )}
      {p.error && (
        <p role="alert" className="error-text">
          {p.error}
        </p>
      )}
      {[...p.failed, ...p.conflicts].length > 0 && (
        <ul className="pacs-problems">
          {[...p.failed, ...p.conflicts].map((f) => (
            <li key={f.path}>
              {f.path}: {f.reason}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
