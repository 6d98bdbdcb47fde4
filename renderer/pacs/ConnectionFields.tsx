import type { ChangeEvent } from 'react';
import type { ArchiveDraft } from './archive-draft.ts';

interface Props {
  draft: ArchiveDraft;
  onChange: (d: ArchiveDraft) => void;
}

/** The protocol-specific fields of an archive: DICOMweb (URL, login, TLS) or DIMSE (AE titles, ports). */
export function ConnectionFields({ draft, onChange }: Props) {
  const set =
    <K extends keyof ArchiveDraft>(key: K) =>
    (e: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
      onChange({ ...draft, [key]: e.target.value });
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input value={draft.name} onChange={set('name')} placeholder="e.g. Hospital PACS" required />
      </label>
      <fieldset className="field pacs-kind">
        <legend>Protocol</legend>
        <label>
          <input
            type="radio"
            name="kind"
            checked={draft.kind === 'dicomweb'}
            onChange={() => onChange({ ...draft, kind: 'dicomweb' })}
          />
          DICOMweb (QIDO-RS, WADO-RS, STOW-RS)
        </label>
        <label>
          <input
            type="radio"
            name="kind"
            checked={draft.kind === 'dimse'}
            onChange={() => onChange({ ...draft, kind: 'dimse' })}
          />
          DIMSE (C-FIND, C-GET/C-MOVE, C-STORE)
        </label>
      </fieldset>
      {draft.kind === 'dicomweb' ? (
        <>
          <label className="field">
            <span>DICOMweb base URL</span>
            <input
              value={draft.url}
              onChange={set('url')}
              placeholder="https://pacs.hospital.org/dicom-web"
            />
          </label>
          <label className="field">
            <span>Authentication</span>
            <select aria-label="Authentication" value={draft.auth} onChange={set('auth')}>
              <option value="none">None</option>
              <option value="basic">User name and password</option>
              <option value="bearer">Bearer token</option>
            </select>
          </label>
          {draft.auth === 'basic' && (
            <label className="field">
              <span>User name</span>
              <input value={draft.user} onChange={set('user')} autoComplete="off" />
            </label>
          )}
          {draft.auth !== 'none' && (
            <label className="field">
              <span>{draft.auth === 'basic' ? 'Password' : 'Token'}</span>
              <input
                type="password"
                value={draft.secret}
                onChange={set('secret')}
                autoComplete="new-password"
                placeholder={draft.hasSecret ? 'Stored (leave empty to keep it)' : ''}
              />
            </label>
          )}
          <label className="field">
            <span>Extra certificate authority (PEM, optional)</span>
            <textarea
              rows={3}
              value={draft.caPem}
              onChange={set('caPem')}
              placeholder="-----BEGIN CERTIFICATE-----"
            />
          </label>
        </>
      ) : (
        <div className="pacs-grid">
          <label className="field">
            <span>Archive AE title</span>
            <input value={draft.aet} onChange={set('aet')} maxLength={16} />
          </label>
          <label className="field">
            <span>Host</span>
            <input value={draft.host} onChange={set('host')} />
          </label>
          <label className="field">
            <span>Port</span>
            <input value={draft.port} onChange={set('port')} inputMode="numeric" />
          </label>
          <label className="field">
            <span>This app’s AE title</span>
            <input value={draft.localAet} onChange={set('localAet')} maxLength={16} />
          </label>
          <label className="field">
            <span>Retrieve with</span>
            <select aria-label="Retrieve with" value={draft.retrieve} onChange={set('retrieve')}>
              <option value="c-move">C-MOVE (archive sends to this app’s port)</option>
              <option value="c-get">C-GET (same connection)</option>
            </select>
          </label>
          {draft.retrieve === 'c-move' && (
            <label className="field">
              <span>This app’s store port</span>
              <input value={draft.storePort} onChange={set('storePort')} inputMode="numeric" />
            </label>
          )}
        </div>
      )}
      <label className="field pacs-timeout">
        <span>Timeout (seconds)</span>
        <input value={draft.timeoutSeconds} onChange={set('timeoutSeconds')} inputMode="numeric" />
      </label>
    </>
  );
}
