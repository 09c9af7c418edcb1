/**
 * The sandboxed preload: exposes exactly the LabApi methods as `window.labBridge`, each a call over
 * its own IPC channel, and the menu's commands as `window.labShell`. The page never sees `ipcRenderer`, so it can reach nothing but these channels.
 */
import { contextBridge, ipcRenderer } from 'electron';
// The contract file itself, not core/lab-api/index.ts: the index also carries the argument checks,
// whose top-level tables esbuild cannot drop, and the sandboxed preload bundle stays the bridge alone.
// eslint-disable-next-line no-restricted-imports -- the bundle stays the bridge alone (see above)
import { ipcChannel, isMenuCommand, MENU_COMMAND_CHANNEL } from '../core/lab-api/contract.ts';
import type {
  LabApiArgs,
  LabApiMethod,
  LabApiResult,
  LabApiValue,
  LabBridge,
  LabShell,
} from '../core/lab-api/index.ts';

function invoke<M extends LabApiMethod>(
  method: M,
  args: LabApiArgs<M>,
): Promise<LabApiResult<LabApiValue<M>>> {
  return ipcRenderer.invoke(ipcChannel(method), ...args) as Promise<LabApiResult<LabApiValue<M>>>;
}

// Spelled out method by method: the object literal must match LabBridge exactly, so a method added
// to the contract is a compile error here until it is bridged.
const bridge: LabBridge = Object.freeze({
  getStartupInfo: (...args) => invoke('getStartupInfo', args),
  getCatalog: (...args) => invoke('getCatalog', args),
  getExercise: (...args) => invoke('getExercise', args),
  saveDraft: (...args) => invoke('saveDraft', args),
  discardDraft: (...args) => invoke('discardDraft', args),
  submitAttempt: (...args) => invoke('submitAttempt', args),
  listAttempts: (...args) => invoke('listAttempts', args),
  revealHints: (...args) => invoke('revealHints', args),
  revealSolution: (...args) => invoke('revealSolution', args),
  getProgressOverview: (...args) => invoke('getProgressOverview', args),
  getLessons: (...args) => invoke('getLessons', args),
  getLesson: (...args) => invoke('getLesson', args),
  answerLesson: (...args) => invoke('answerLesson', args),
  getSettings: (...args) => invoke('getSettings', args),
  updateSettings: (...args) => invoke('updateSettings', args),
  exportProgress: (...args) => invoke('exportProgress', args),
  resetProgress: (...args) => invoke('resetProgress', args),
  listExamPresets: (...args) => invoke('listExamPresets', args),
  startExam: (...args) => invoke('startExam', args),
  getActiveExam: (...args) => invoke('getActiveExam', args),
  getExam: (...args) => invoke('getExam', args),
  getExamTask: (...args) => invoke('getExamTask', args),
  saveExamAnswer: (...args) => invoke('saveExamAnswer', args),
  toggleExamFlag: (...args) => invoke('toggleExamFlag', args),
  moveExamTask: (...args) => invoke('moveExamTask', args),
  submitExam: (...args) => invoke('submitExam', args),
  getExamReview: (...args) => invoke('getExamReview', args),
  listExamHistory: (...args) => invoke('listExamHistory', args),
  retakeExam: (...args) => invoke('retakeExam', args),
  listAuthoredExercises: (...args) => invoke('listAuthoredExercises', args),
  getAuthoredExercise: (...args) => invoke('getAuthoredExercise', args),
  proposeChecks: (...args) => invoke('proposeChecks', args),
  validateAuthoredExercise: (...args) => invoke('validateAuthoredExercise', args),
  saveAuthoredExercise: (...args) => invoke('saveAuthoredExercise', args),
  deleteAuthoredExercise: (...args) => invoke('deleteAuthoredExercise', args),
  exportPack: (...args) => invoke('exportPack', args),
  previewPack: (...args) => invoke('previewPack', args),
  importPack: (...args) => invoke('importPack', args),
} satisfies LabBridge);

contextBridge.exposeInMainWorld('labBridge', bridge);

// Menu commands only flow from main to the page, and only the known ones pass.
const shell: LabShell = Object.freeze({
  onMenuCommand(listener: Parameters<LabShell['onMenuCommand']>[0]) {
    const handler = (_event: unknown, command: unknown): void => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
    };
  },
});

contextBridge.exposeInMainWorld('labShell', shell);
