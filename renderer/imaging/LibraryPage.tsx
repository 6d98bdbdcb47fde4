import { api } from '../api.ts';
import { useLoad } from '../app/use-load.ts';
import { ImportButton } from './ImportButton.tsx';
import { useImports } from './import-context.ts';
import { StudyTree } from './StudyTree.tsx';

/** Everything in the image store, by patient: what was imported, whether or not linked to a case. */
export function LibraryPage() {
  const imports = useImports();
  const [library] = useLoad(() => api['studies.library']({}), [imports.version]);
  return (
    <section className="page" aria-labelledby="library-heading">
      <div className="page-header">
        <h1 id="library-heading">Image library</h1>
        <ImportButton />
      </div>
      {library.state === 'error' && <p className="error-text">{library.message}</p>}
      {library.state === 'ready' &&
        (library.value.length ? (
          <div className="panel">
            <StudyTree patients={library.value} />
          </div>
        ) : (
          <p className="empty-note">
            No imaging yet. Import a patient CD, a folder or a zip, or drop them on the window.
          </p>
        ))}
    </section>
  );
}
