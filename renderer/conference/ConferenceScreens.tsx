import type { ConferenceRoute } from './conference-route.ts';
import { ConferenceListPage } from './ConferenceListPage.tsx';
import { ConferencePage } from './ConferencePage.tsx';
import { PresenterPage } from './presenter/PresenterPage.tsx';
import './conference.css';
import './presenter/presenter.css';

/** The conference screens: the list, one conference's editor, and presenter mode. */
export function ConferenceScreens({ route }: { route: ConferenceRoute }) {
  if (route.page === 'present') return <PresenterPage key={route.id} conferenceId={route.id} />;
  if (route.page === 'conference') return <ConferencePage key={route.id} conferenceId={route.id} />;
  return <ConferenceListPage />;
}
