import { Suspense, useCallback, useState } from 'react';
import { api } from '../api.ts';
import { CaseList } from '../cases/CaseList.tsx';
import { CasePage } from '../cases/CasePage.tsx';
import { ConferenceScreens } from '../conference/ConferenceScreens.tsx';
import { isConferenceRoute } from '../conference/conference-route.ts';
import type { User } from '../../shared/domain/user.ts';
import { ImportProvider } from '../imaging/ImportProvider.tsx';
import { LibraryPage } from '../imaging/LibraryPage.tsx';
import { LazyViewerPage } from '../viewer/lazy/lazy-viewer.ts';
import { MenuCommands } from './MenuCommands.tsx';
import { SignIn } from './SignIn.tsx';
import { TopBar } from './TopBar.tsx';
import { ArchivePage } from '../pacs/ArchivePage.tsx';
import { ArchiveSettingsPage } from '../pacs/ArchiveSettingsPage.tsx';
import { useRoute } from './route.ts';
import { useLoad } from './use-load.ts';

export function App() {
  const route = useRoute();
  const [userLoad] = useLoad(() => api['session.currentUser']({}), []);
  const [switched, setSwitched] = useState<User | null | undefined>(undefined);
  const [switching, setSwitching] = useState(false);
  const user = switched !== undefined ? switched : userLoad.state === 'ready' ? userLoad.value : null;
  const onSignedIn = useCallback((u: User) => {
    setSwitched(u);
    setSwitching(false);
  }, []);

  if (userLoad.state === 'loading') return <p className="centered-note">Opening the case database…</p>;
  if (userLoad.state === 'error')
    return (
      <p role="alert" className="centered-note error-text">
        {userLoad.message}
      </p>
    );
  if (!user || switching)
    return (
      <SignIn
        current={user}
        onSignedIn={onSignedIn}
        onCancel={user ? () => setSwitching(false) : undefined}
      />
    );

  return (
    <ImportProvider>
      <MenuCommands />
      <div className="app-shell">
        <TopBar user={user} onSwitchUser={() => setSwitching(true)} />
        <main
          id="main"
          className={route.page === 'viewer' ? 'app-main app-main-viewer' : 'app-main'}
          tabIndex={-1}
        >
          {isConferenceRoute(route) ? (
            <ConferenceScreens route={route} />
          ) : route.page === 'viewer' ? (
            <Suspense fallback={null}>
              <LazyViewerPage key={route.id} caseId={route.id} />
            </Suspense>
          ) : route.page === 'case' ? (
            <CasePage key={route.id} caseId={route.id} />
          ) : route.page === 'library' ? (
            <LibraryPage />
          ) : route.page === 'archive' ? (
            <ArchivePage key={route.caseId ?? 0} caseId={route.caseId} />
          ) : route.page === 'archiveSettings' ? (
            <ArchiveSettingsPage />
          ) : (
            <CaseList />
          )}
        </main>
      </div>
    </ImportProvider>
  );
}
