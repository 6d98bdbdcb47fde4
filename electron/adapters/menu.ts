import type { MenuItemConstructorOptions } from 'electron';
import { Menu } from 'electron';
import type { MenuCommand } from '../../shared/contract/desktop.ts';

/**
 * The application menu: import and the demo case (sent to the window, which runs them as its own
 * buttons do), standard edit shortcuts, zoom for the projector, full screen.
 */
export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Import Folder or CD…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => send('import-folder'),
        },
        { label: 'Import Files or Zip…', accelerator: 'CmdOrCtrl+O', click: () => send('import-files') },
        { type: 'separator' },
        { label: 'Load Demo Case', click: () => send('load-demo') },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
