/**
 * Each wall between the layers (docs/architecture.md), proven: fixture text is linted as if it sat at
 * the forbidden path, with the repository's own eslint.config.js, or compiled with the layer's own
 * tsconfig, and the specific error is expected. Remove a rule and its test fails; the last tests show
 * that allowed code still passes, so the walls do not simply reject everything.
 *
 * Files linted with type information must exist for typescript-eslint's project service, so fixtures
 * for those layers borrow the path of a real file of the layer (its text is replaced, never written).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Type-aware linting builds one TypeScript program per layer on first use: slow on a busy machine. */
const SLOW = 180_000;

let eslint: ESLint | undefined;

async function lintAt(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  eslint ??= new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  if (result === undefined) throw new Error(`no lint result for ${filePath}`);
  return result.messages;
}

/** The messages of one rule, as `rule: message` lines (readable when an expectation fails). */
function findings(messages: readonly Linter.LintMessage[], ruleId: string): string[] {
  return messages.filter((message) => message.ruleId === ruleId).map((m) => `${m.ruleId}: ${m.message}`);
}

/** Expects exactly one finding of `ruleId` whose message contains `words`, for each import in `code`. */
async function expectImportsRefused(
  filePath: string,
  imports: readonly string[],
  words: string,
  wrap: (code: string) => string = (code) => code,
): Promise<void> {
  const lines = imports.map((source, index) => `import * as imported${index} from '${source}';`);
  const uses = `export const uses = [${imports.map((_, index) => `imported${index}`).join(', ')}];`;
  const messages = await lintAt(filePath, wrap(`${lines.join('\n')}\n${uses}\n`));
  const refused = findings(messages, 'no-restricted-imports');
  for (const source of imports) {
    expect(refused, source).toContainEqual(expect.stringContaining(`'${source}' import is restricted`));
  }
  expect(refused.every((line) => line.includes(words))).toBe(true);
  expect(refused).toHaveLength(imports.length);
}

const asComponent = (code: string): string => `<script lang="ts">\n${code}</script>\n`;

describe('lint walls: core/', () => {
  it('refuses every Node built-in, with and without the node: prefix', { timeout: SLOW }, async () => {
    await expectImportsRefused(
      'core/netpol/index.ts',
      ['fs', 'node:fs', 'fs/promises', 'path', 'node:child_process', 'worker_threads', 'node:test'],
      'core/ is pure: no Node built-ins.',
    );
  });

  it('refuses imports from the layers above and from UI or host packages', { timeout: SLOW }, async () => {
    await expectImportsRefused(
      'core/exam/index.ts',
      ['../../backend/lab-api/index.ts', '../../renderer/src/lib/api.ts', '../../cli/main.ts'],
      'core/ imports nothing outside core/.',
    );
    await expectImportsRefused(
      'core/exam/index.ts',
      ['electron', 'svelte', 'svelte/store'],
      'UI- and host-free',
    );
  });

  it('refuses DOM and Node globals', { timeout: SLOW }, async () => {
    const code = [
      'export const home = process.env.HOME;',
      'export const title = document.title;',
      'export const here = window.location.href;',
      "export const bytes = Buffer.from('x');",
      'export const later = setTimeout(() => undefined, 1);',
      "console.log('x');",
      '',
    ].join('\n');
    const refused = findings(await lintAt('core/netpol/index.ts', code), 'no-restricted-globals');
    for (const name of ['process', 'document', 'window', 'Buffer', 'setTimeout', 'console']) {
      expect(refused, name).toContainEqual(expect.stringContaining(`Unexpected use of '${name}'`));
    }
  });

  it('refuses the clock and unseeded randomness', { timeout: SLOW }, async () => {
    const code = 'export const facts = [Date.now(), Math.random(), new Date(), Date()];\n';
    const messages = await lintAt('core/exam/index.ts', code);
    expect(findings(messages, 'no-restricted-properties')).toEqual([
      expect.stringContaining("'Date.now' is restricted"),
      expect.stringContaining("'Math.random' is restricted"),
    ]);
    expect(findings(messages, 'no-restricted-syntax')).toEqual([
      expect.stringContaining('`new Date()` reads the clock'),
      expect.stringContaining('`Date()` reads the clock'),
    ]);
  });
});

describe('lint walls: the layers above core/', () => {
  it('backend/ never imports electron/, renderer/ or cli/', { timeout: SLOW }, async () => {
    await expectImportsRefused(
      'backend/lab-api/index.ts',
      ['../../electron/ipc.ts', '../../renderer/src/lib/api.ts', '../../cli/main.ts'],
      'backend/ never imports electron/, renderer/ or cli/.',
    );
    await expectImportsRefused('backend/lab-api/index.ts', ['electron'], 'backend/ runs without Electron');
  });

  it('cli/ never imports electron/ or renderer/', { timeout: SLOW }, async () => {
    await expectImportsRefused(
      'cli/main.ts',
      ['../electron/ipc.ts', '../renderer/src/lib/api.ts'],
      'cli/ never imports electron/ or renderer/.',
    );
    await expectImportsRefused('cli/main.ts', ['electron'], 'cli/ runs in plain Node');
  });

  it('electron/ never imports renderer/ or cli/', { timeout: SLOW }, async () => {
    await expectImportsRefused(
      'electron/main.ts',
      ['../renderer/src/lib/api.ts', '../cli/main.ts'],
      'electron/ never imports renderer/ or cli/.',
    );
  });

  it('the preload has no Node built-ins and no backend', { timeout: SLOW }, async () => {
    await expectImportsRefused(
      'electron/preload.ts',
      ['node:fs', 'fs', 'child_process'],
      'The sandboxed preload has no Node built-ins.',
    );
    await expectImportsRefused('electron/preload.ts', ['../backend/lab-api/index.ts'], 'thin bridge');
  });

  it("the renderer's .ts files reach neither Node, the hosts nor Electron", { timeout: SLOW }, async () => {
    await expectImportsRefused('renderer/src/main.ts', ['node:fs', 'fs'], 'runs in a browser');
    await expectImportsRefused(
      'renderer/src/main.ts',
      ['../../backend/lab-api/index.ts', '../../electron/preload.ts', '../../cli/main.ts'],
      'only through renderer/src/lib/api.ts',
    );
    await expectImportsRefused('renderer/src/main.ts', ['electron'], 'never touches Electron');
  });

  it("a component is held to the renderer's walls too", { timeout: SLOW }, async () => {
    await expectImportsRefused('renderer/src/App.svelte', ['node:fs'], 'runs in a browser', asComponent);
    await expectImportsRefused(
      'renderer/src/App.svelte',
      ['../../backend/lab-api/index.ts'],
      'only through renderer/src/lib/api.ts',
      asComponent,
    );
  });
});

describe('lint walls: core/ only through its index files', () => {
  const inner = (depth: string): string[] => [
    `${depth}core/netpol/compile.ts`,
    `${depth}core/netpol/read/yaml-source.ts`,
    `${depth}core/lab-api/contract.ts`,
  ];

  it('refuses inner files of core/ from every layer', { timeout: SLOW }, async () => {
    const words = 'Import core/<folder>/index.ts, not a file inside it';
    await expectImportsRefused('backend/lab-api/index.ts', inner('../../'), words);
    await expectImportsRefused('cli/main.ts', inner('../'), words);
    await expectImportsRefused('electron/main.ts', inner('../'), words);
    await expectImportsRefused('electron/preload.ts', inner('../'), words);
    await expectImportsRefused('renderer/src/main.ts', inner('../../'), words);
    await expectImportsRefused('renderer/src/App.svelte', inner('../../'), words, asComponent);
  });

  it('lets tests reach inside', { timeout: SLOW }, async () => {
    const code =
      "import { compileModel } from '../../core/netpol/compile.ts';\nexport const uses = [compileModel];\n";
    expect(await lintAt('cli/commands/wall-fixture.test.ts', code)).toEqual([]);
  });
});

describe('lint walls: promises', () => {
  const code = [
    "import { readFile } from 'node:fs/promises';",
    '',
    'export function load(): void {',
    "  readFile('x');",
    '  [1, 2].forEach(async (n) => {',
    '    await readFile(String(n));',
    '  });',
    '}',
    '',
  ].join('\n');

  it('refuses a floating promise and a promise where nothing awaits it', { timeout: SLOW }, async () => {
    const messages = await lintAt('backend/lab-api/index.ts', code);
    expect(findings(messages, '@typescript-eslint/no-floating-promises')).toHaveLength(1);
    expect(findings(messages, '@typescript-eslint/no-misused-promises')).toEqual([
      expect.stringContaining('Promise returned in function argument where a void return was expected'),
    ]);
  });

  it('refuses a floating promise in a component', { timeout: SLOW }, async () => {
    const component = asComponent(
      "  import { api } from './lib/api.ts';\n  api.getCatalog();\n  void api.getSettings();\n",
    );
    const messages = await lintAt('renderer/src/App.svelte', component);
    expect(findings(messages, '@typescript-eslint/no-floating-promises')).toEqual([
      expect.stringContaining('Promises must be awaited'),
    ]);
  });
});

describe('lint walls: allowed code passes', () => {
  it('accepts each layer importing what it may', { timeout: SLOW }, async () => {
    const allowed: [string, string][] = [
      [
        'core/exam/index.ts',
        "import { compileModel } from '../netpol/compile.ts';\nimport { parse } from 'yaml';\nexport const uses = [compileModel, parse];\n",
      ],
      [
        'backend/lab-api/index.ts',
        "import { readFile } from 'node:fs/promises';\nimport { compileModel } from '../../core/netpol/index.ts';\nexport const uses = [readFile, compileModel];\n",
      ],
      [
        'cli/main.ts',
        "import path from 'node:path';\nimport { loadExerciseLibrary } from '../backend/exercise-library.ts';\nexport const uses = [path, loadExerciseLibrary];\n",
      ],
      [
        'electron/main.ts',
        "import { app } from 'electron';\nimport { createLabBackend } from '../backend/lab-api/index.ts';\nexport const uses = [app, createLabBackend];\n",
      ],
      [
        'renderer/src/main.ts',
        "import { mount } from 'svelte';\nimport { api } from './lib/api.ts';\nimport { compileModel } from '../../core/netpol/index.ts';\nexport const uses = [mount, api, compileModel];\n",
      ],
      [
        'renderer/src/App.svelte',
        asComponent(
          "  import { api } from './lib/api.ts';\n  import type { Catalog } from '../../core/lab-api/index.ts';\n  let catalog: Catalog | null = $state(null);\n  void api.getCatalog().then((value) => (catalog = value));\n",
        ) + '<p>{catalog?.tracks.length}</p>\n',
      ],
    ];
    for (const [filePath, code] of allowed) {
      const problems = (await lintAt(filePath, code)).map((m) => `${m.ruleId}: ${m.message}`);
      expect(problems, filePath).toEqual([]);
    }
  });
});

/** Compiles one fixture file with a layer's tsconfig and answers the messages of its errors. */
function typeErrors(tsconfig: string, fixturePath: string, code: string): string[] {
  const configPath = path.join(root, tsconfig);
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  const { options } = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configPath));
  const fixture = path.join(root, fixturePath);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (fileName) => fileName === fixture || fileExists(fileName);
  host.readFile = (fileName) => (fileName === fixture ? code : readFile(fileName));
  host.getSourceFile = (fileName, language, ...rest) =>
    fileName === fixture
      ? ts.createSourceFile(fileName, code, language)
      : getSourceFile(fileName, language, ...rest);
  const program = ts.createProgram({ rootNames: [fixture], options, host });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(fixture))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

describe('type-check walls', () => {
  it('core/tsconfig.json knows neither Node nor the DOM', { timeout: SLOW }, () => {
    const code = 'export const home = process.env.HOME;\nexport const here = window.location.href;\n';
    const errors = typeErrors('core/tsconfig.json', 'core/netpol/wall-fixture.ts', code);
    expect(errors).toEqual([
      expect.stringContaining("Cannot find name 'process'"),
      expect.stringContaining("Cannot find name 'window'"),
    ]);
  });

  it('electron/tsconfig.preload.json has no Node types, even through electron', { timeout: SLOW }, () => {
    const code = [
      "import { ipcRenderer } from 'electron';",
      "export const reply = ipcRenderer.invoke('channel');",
      'export const versions = process.versions;',
      "export const bytes = Buffer.from('x');",
      '',
    ].join('\n');
    const errors = typeErrors('electron/tsconfig.preload.json', 'electron/wall-fixture.ts', code);
    expect(errors).toEqual([
      expect.stringContaining("Cannot find name 'process'"),
      expect.stringContaining("Cannot find name 'Buffer'"),
    ]);
  });

  it('both accept what the layer may use', { timeout: SLOW }, () => {
    const core =
      "import { compileModel } from './compile.ts';\nexport const uses = [compileModel, Math.max(1, 2)];\n";
    expect(typeErrors('core/tsconfig.json', 'core/netpol/wall-fixture.ts', core)).toEqual([]);
    const preload = [
      "import { contextBridge, ipcRenderer } from 'electron';",
      "import { ipcChannel } from '../core/lab-api/contract.ts';",
      "contextBridge.exposeInMainWorld('bridge', { ping: () => ipcRenderer.invoke(ipcChannel('getCatalog')) });",
      '',
    ].join('\n');
    expect(typeErrors('electron/tsconfig.preload.json', 'electron/wall-fixture.ts', preload)).toEqual([]);
  });
});
