import { dialog, shell, type BaseWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { EXPORT_EXTENSIONS, type ExportFormat } from '../common/export-model';
import { externalLinkWarning, isAllowedExternalUrl } from '../common/security';
import type { HostPorts } from '../services/app/host-ports';
import { BRIEFING_EXTENSIONS } from '../services/library/limits';
import { printHtmlToPdf } from './print-to-pdf';

/**
 * The services' host ports on Electron's native dialogs and the system browser. Dialogs are
 * attached to the app window when there is one, so they are modal to it rather than floating.
 */
export function createElectronHostPorts(parentWindow: () => BaseWindow | null): HostPorts {
  return {
    async chooseFolder() {
      const options: OpenDialogOptions = {
        title: 'Open a library folder',
        buttonLabel: 'Open Library',
        properties: ['openDirectory', 'createDirectory'],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
    },

    async confirmExternalLink(url) {
      const options: MessageBoxOptions = {
        type: 'question',
        title: 'Open link',
        message: 'Open this link in your browser?',
        detail: [url, externalLinkWarning(url)].filter(Boolean).join('\n\n'),
        buttons: ['Open', 'Cancel'],
        // Cancel is the default and what Escape does: a stray Enter must not leave the app.
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const parent = parentWindow();
      const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
      return response === 0;
    },

    async openInBrowser(url) {
      // Checked again here: this is the last step before a URL reaches the operating system.
      if (!isAllowedExternalUrl(url)) throw new Error('Only web links (http or https) can be opened in the browser.');
      await shell.openExternal(url);
    },

    async chooseExportPath(defaultPath, format) {
      const options: SaveDialogOptions = {
        title: 'Export notes',
        buttonLabel: 'Export',
        defaultPath,
        filters: [{ name: FORMAT_NAMES[format], extensions: [EXPORT_EXTENSIONS[format]] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },

    printToPdf: printHtmlToPdf,

    async chooseImportFiles() {
      const options: OpenDialogOptions = {
        title: 'Import briefings',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Briefings', extensions: Object.keys(BRIEFING_EXTENSIONS).map((extension) => extension.slice(1)) },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const parent = parentWindow();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },

    async showInFolder(path) {
      shell.showItemInFolder(path);
    },
  };
}

const FORMAT_NAMES: Record<ExportFormat, string> = { pdf: 'PDF document', markdown: 'Markdown', json: 'W3C Web Annotation JSON' };
