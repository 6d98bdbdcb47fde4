/** Commands the native application menu sends to the window. */
export const MENU_COMMANDS = ['load-demo', 'import-folder', 'import-files'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Functions only the Electron preload provides (native dialogs, real paths of dropped files, the menu). */
export interface DesktopBridge {
  /** Opaque handles (not paths) for what the user chose; `imports.start` accepts them as `paths`. */
  chooseImportSources: (kind: 'files' | 'folder') => Promise<string[]>;
  /** A handle for a file dropped on the window, or null when it has no path on disk. */
  sourceForFile: (file: { name: string }) => Promise<string | null>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
  /** The app window full screen (presenter mode on a projector); resolves to the new state. */
  setFullScreen: (on: boolean) => Promise<boolean>;
}

export const DESKTOP_CHANNELS = {
  chooseImportSources: 'scr:desktop:chooseImportSources',
  grantDroppedFile: 'scr:desktop:grantDroppedFile',
  menuCommand: 'scr:desktop:menuCommand',
  setFullScreen: 'scr:desktop:setFullScreen',
} as const;
