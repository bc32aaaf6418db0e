import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function violations(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message);
}

describe('import direction (DESIGN.md "Layout")', () => {
  it.each([
    ['electron/common/x.ts', "import { readFile } from 'node:fs/promises';"],
    ['electron/common/x.ts', "import { app } from 'electron';"],
    ['electron/common/x.ts', "import { LibraryService } from '../services/library/library-service';"],
    ['electron/services/x.ts', "import { app } from 'electron';"],
    ['electron/services/x.ts', "import '../main/window';"],
    ['electron/preload/x.ts', "import { readFile } from 'node:fs';"],
    ['electron/preload/x.ts', "import { dispatch } from '../services/app/dispatch';"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['renderer/src/x.ts', "import { LibraryService } from '../../electron/services/library/library-service';"],
    ['renderer/src/x.ts', "import path from 'path';"],
    ['renderer/src/x.ts', "import { Buffer } from 'buffer';"],
    ['electron/common/x.ts', "import { EventEmitter } from 'events';"],
    ['electron/preload/x.ts', "import { isPromise } from 'util/types';"],
    ['e2e/x.ts', "import '../electron/main/window';"],
    ['web-host/x.ts', "import '../electron/main/window';"],
    ['renderer/src/x.ts', "import { attachWebHost } from '../../web-host/web-host';"],
  ])('forbids %s from importing: %s', async (file, source) => {
    expect(await violations(file, source)).toHaveLength(1);
  });

  it.each([
    ['electron/services/x.ts', "import { readFile } from 'node:fs/promises';\nimport { ApiError } from '../common/errors';"],
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { dispatch } from '../services/app/dispatch';"],
    ['electron/preload/x.ts', "import { contextBridge } from 'electron';\nimport { createRawApi } from '../common/bridge';"],
    ['renderer/src/x.ts', "import { METHOD_NAMES } from '../../electron/common/contract';"],
    ['e2e/x.ts', "import { dispatch } from '../electron/services/app/dispatch';"],
    ['web-host/x.ts', "import { dispatch } from '../electron/services/app/dispatch';"],
  ])('allows %s to import: %s', async (file, source) => {
    expect(await violations(file, source)).toEqual([]);
  });
});
