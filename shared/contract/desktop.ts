/** Commands the native application menu sends to the window. */
export const MENU_COMMANDS = ['load-demo', 'import-folder', 'import-files'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Functions only the Electron preload provides (native dialogs, real paths of dropped files, the menu). */
export interface DesktopBridge {
  chooseImportSources: (kind: 'files' | 'folder') => Promise<string[]>;
  pathForFile: (file: { name: string }) => string;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The app window full screen (presenter mode on a projector); resolves to the new state. */
  setFullScreen: (on: boolean) => Promise<boolean>;
}

export const DESKTOP_CHANNELS = {
  chooseImportSources: 'scr:desktop:chooseImportSources',
  menuCommand: 'scr:desktop:menuCommand',
  setFullScreen: 'scr:desktop:setFullScreen',
} as const;
