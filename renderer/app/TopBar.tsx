import type { User } from '../../shared/domain/user.ts';
import { DISCIPLINE_LABELS } from '../../shared/domain/user.ts';

export function TopBar({ user, onSwitchUser }: { user: User; onSwitchUser: () => void }) {
  return (
    <header className="top-bar">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <a className="brand" href="#/cases">
        <span aria-hidden="true" className="brand-mark">
          ◆
        </span>{' '}
        Spine Case Review
      </a>
      <nav aria-label="Main">
        <a href="#/cases">Cases</a>
        <a href="#/library">Image library</a>
        <a href="#/conferences">Conferences</a>
        <a href="#/archive">Hospital archive</a>
      </nav>
      <div className="current-user" aria-label="Signed in user">
        <span className="user-name">{user.name}</span>
        <span className="user-discipline">{DISCIPLINE_LABELS[user.discipline]}</span>
        <button type="button" className="button-quiet" onClick={onSwitchUser}>
          Switch user
        </button>
      </div>
    </header>
  );
}
