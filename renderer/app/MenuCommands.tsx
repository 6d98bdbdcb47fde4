import { useEffect } from 'react';
import { useLoadDemo } from '../cases/use-load-demo.ts';
import { desktop } from '../imaging/desktop.ts';
import { useImports } from '../imaging/import-context.ts';

/** Runs the Electron application menu's commands (nothing to do in the browser host). */
export function MenuCommands() {
  const { load } = useLoadDemo();
  const imports = useImports();
  useEffect(() => {
    const bridge = desktop();
    if (!bridge) return;
    return bridge.onMenuCommand((command) => {
      if (command === 'load-demo') load();
      else
        void bridge
          .chooseImportSources(command === 'import-folder' ? 'folder' : 'files')
          .then((paths) => paths.length && imports.start({ kind: 'paths', paths }));
    });
  }, [load, imports]);
  return null;
}
