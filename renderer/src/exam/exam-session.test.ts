import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExamPublicView } from '../../../core/exam/index.ts';
import type { ExamTaskExercise } from '../../../core/lab-api/index.ts';
import type { TerminalSession } from '../../../core/terminal/index.ts';
import { DENY_ALL_PROD, kubectl, testState } from '../../../core/kubectl/test-fixtures.ts';
import { writeExercise } from '../exercise/test-fixtures.ts';
import type { TerminalHandle } from '../exercise/terminal/terminal-view.ts';
import { errorMessage } from '../lib/api.ts';
import { activeExam } from './active-exam.svelte.ts';
import { ExamSession } from './exam-session.svelte.ts';
import { encodeExamTerminal } from './exam-terminal.ts';

const START = Date.UTC(2026, 0, 1, 9);

function examView(changes: Partial<ExamPublicView> = {}): ExamPublicView {
  const task = (exerciseId: string, title: string) => ({
    exerciseId,
    title,
    track: 'foundations',
    difficulty: 'beginner' as const,
    kind: 'write' as const,
    points: 2,
    suggestedMinutes: 10,
  });
  return {
    id: 'exam-1',
    presetId: 'custom',
    title: 'Custom exam',
    description: '3 tasks',
    passMark: 66,
    status: 'running',
    startedAt: START,
    endsAt: START + 30 * 60_000,
    durationMs: 30 * 60_000,
    remainingMs: 30 * 60_000,
    tasks: [task('first', 'First task'), task('second', 'Second task'), task('third', 'Third task')],
    answers: {},
    flags: [],
    currentTaskId: 'first',
    timeSpentMs: {},
    drawNotes: [],
    submittedAt: null,
    result: null,
    ...changes,
  };
}

function taskView(id: string): ExamTaskExercise {
  const {
    hints: _hints,
    checks: _checks,
    progress: _progress,
    draft: _draft,
    nextExerciseId: _next,
    ...rest
  } = writeExercise();
  return { ...rest, id, title: `Task ${id}` };
}

/** A promise settled from outside, to hold a host answer back. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

function terminalSession(lines: readonly string[]): TerminalSession {
  let state = testState();
  for (const line of lines) state = kubectl(state, line, { 'policy.yaml': DENY_ALL_PROD }).state;
  return { state, files: {}, env: {}, cwd: '/root', history: [...lines], transcript: '' };
}

function fakeHandle(session: TerminalSession): TerminalHandle {
  return {
    state: () => session.state,
    snapshot: () => Promise.resolve(session),
  } as unknown as TerminalHandle;
}

function fakeApi() {
  return {
    getExam: vi.fn((_examId: string) => Promise.resolve(examView())),
    getExamTask: vi.fn((_examId: string, exerciseId: string) => Promise.resolve(taskView(exerciseId))),
    saveExamAnswer: vi.fn((_examId: string, exerciseId: string, text: string, terminal?: string) =>
      Promise.resolve(
        examView({
          answers: {
            [exerciseId]: { text, savedAt: START, ...(terminal === undefined ? {} : { terminal }) },
          },
        }),
      ),
    ),
    toggleExamFlag: vi.fn((_examId: string, exerciseId: string) =>
      Promise.resolve(examView({ flags: [exerciseId] })),
    ),
    moveExamTask: vi.fn((_examId: string, exerciseId: string) =>
      Promise.resolve(examView({ currentTaskId: exerciseId })),
    ),
    submitExam: vi.fn((_examId: string) =>
      Promise.resolve(examView({ status: 'submitted', submittedAt: START + 60_000 })),
    ),
  };
}

type FakeApi = ReturnType<typeof fakeApi>;

async function loaded(api: FakeApi): Promise<ExamSession> {
  const session = new ExamSession(api, 'exam-1', { describeError: errorMessage, storage: localStorage });
  await session.load();
  return session;
}

describe('ExamSession', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    activeExam.note(null);
    localStorage.clear();
    window.location.hash = '#/exam/exam-1';
    document.title = '';
  });

  it('shows the exam and loads its current task', async () => {
    const before = Date.now();
    const session = await loaded(api);
    expect(api.getExam).toHaveBeenCalledWith('exam-1');
    expect(api.getExamTask).toHaveBeenCalledWith('exam-1', 'first');
    expect(session.exam?.title).toBe('Custom exam');
    expect(session.task?.id).toBe('first');
    expect(session.position).toBe(0);
    expect(session.current?.title).toBe('First task');
    expect(session.flagged).toBe(false);
    expect(session.loadError).toBeNull();
    expect(session.deadline).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(session.deadline).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect(document.title).toMatch(/^Custom exam — /);
    expect(activeExam.view?.id).toBe('exam-1');
    expect(session.taskHtml).toContain('<strong>web</strong>');
    expect(session.analyse).not.toBeNull();
    // No answer yet: the editor opens with the starter; exams open in the terminal.
    expect(session.openingText).toBe('# Write your NetworkPolicy here\n');
    expect(session.inTerminal).toBe(true);
    session.toggleTerminal();
    expect(session.inTerminal).toBe(false);
  });

  it('opens the result instead of a task when the exam was already submitted', async () => {
    api.getExam.mockResolvedValue(examView({ status: 'submitted', submittedAt: START }));
    const session = await loaded(api);
    expect(window.location.hash).toBe('#/exam/exam-1/result');
    expect(api.getExamTask).not.toHaveBeenCalled();
    expect(session.task).toBeNull();
    expect(activeExam.view).toBeNull();
  });

  it('says why the exam could not be opened, and opens it on retry', async () => {
    api.getExam.mockRejectedValueOnce(new Error('The exam does not exist.'));
    const session = await loaded(api);
    expect(session.loadError).toBe('The exam does not exist.');
    expect(session.exam).toBeNull();
    expect(api.getExamTask).not.toHaveBeenCalled();
    await session.load();
    expect(session.loadError).toBeNull();
    expect(session.task?.id).toBe('first');
  });

  it('saves the pending answer before moving, then loads the new task', async () => {
    const session = await loaded(api);
    session.changeAnswer('first', 'kind: NetworkPolicy\n');
    expect(session.saveLine).toBe('Unsaved changes…');
    expect(session.openingText).toBe('kind: NetworkPolicy\n');
    session.select('second');
    await vi.waitFor(() => expect(session.task?.id).toBe('second'));
    expect(api.saveExamAnswer).toHaveBeenCalledWith('exam-1', 'first', 'kind: NetworkPolicy\n');
    const saved = api.saveExamAnswer.mock.invocationCallOrder[0] ?? Infinity;
    const moved = api.moveExamTask.mock.invocationCallOrder[0] ?? -Infinity;
    expect(saved).toBeLessThan(moved);
    expect(api.moveExamTask).toHaveBeenCalledWith('exam-1', 'second');
    expect(api.getExamTask).toHaveBeenLastCalledWith('exam-1', 'second');
    expect(session.position).toBe(1);
    expect(session.current?.title).toBe('Second task');
    expect(session.saveLine).toBe('Answer saved');
    expect(session.actionError).toBeNull();
  });

  it('does nothing when the current task is selected again', async () => {
    const session = await loaded(api);
    session.select('first');
    expect(api.moveExamTask).not.toHaveBeenCalled();
    expect(session.task?.id).toBe('first');
  });

  it('steps along the exam order and stops at either end', async () => {
    const session = await loaded(api);
    session.step(-1);
    expect(api.moveExamTask).not.toHaveBeenCalled();
    session.step(2);
    await vi.waitFor(() => expect(session.task?.id).toBe('third'));
    session.step(1);
    expect(api.moveExamTask).toHaveBeenCalledTimes(1);
    session.step(-1);
    await vi.waitFor(() => expect(session.task?.id).toBe('second'));
    expect(api.moveExamTask).toHaveBeenLastCalledWith('exam-1', 'second');
  });

  it('ignores a task that arrives after the learner moved on', async () => {
    const slow = deferred<ExamTaskExercise>();
    api.getExamTask.mockImplementationOnce(() => slow.promise);
    const session = new ExamSession(api, 'exam-1', { describeError: errorMessage });
    const loading = session.load();
    await vi.waitFor(() => expect(session.exam).not.toBeNull());
    expect(session.task).toBeNull();
    session.select('second');
    await vi.waitFor(() => expect(session.task?.id).toBe('second'));
    slow.resolve(taskView('first'));
    await loading;
    expect(session.task?.id).toBe('second');
    expect(session.current?.exerciseId).toBe('second');
  });

  it('flags the current task', async () => {
    const session = await loaded(api);
    session.toggleFlag();
    await vi.waitFor(() => expect(session.flagged).toBe(true));
    expect(api.toggleExamFlag).toHaveBeenCalledWith('exam-1', 'first');
    expect(session.exam?.flags).toEqual(['first']);
  });

  it('keeps a flag made while a save was on its way', async () => {
    const slowSave = deferred<ExamPublicView>();
    api.saveExamAnswer.mockImplementationOnce(() => slowSave.promise);
    const session = await loaded(api);
    session.changeAnswer('first', 'late: yes\n');
    session.saveNow();
    session.toggleFlag();
    await vi.waitFor(() => expect(session.flagged).toBe(true));
    slowSave.resolve(examView({ answers: { first: { text: 'late: yes\n', savedAt: START } } }));
    await vi.waitFor(() => expect(session.saveLine).toBe('Answer saved'));
    expect(session.flagged).toBe(true);
    expect(session.exam?.answers).toEqual({ first: { text: 'late: yes\n', savedAt: START } });
  });

  it('saves, submits and opens the result', async () => {
    const session = await loaded(api);
    expect(activeExam.view?.id).toBe('exam-1');
    session.changeAnswer('first', 'final: yes\n');
    session.confirmOpen = true;
    const submitting = session.submit();
    expect(session.confirmOpen).toBe(false);
    expect(session.submitting).toBe(true);
    await submitting;
    expect(session.submitting).toBe(false);
    expect(api.saveExamAnswer).toHaveBeenCalledWith('exam-1', 'first', 'final: yes\n');
    expect(api.submitExam).toHaveBeenCalledWith('exam-1');
    expect(session.exam?.status).toBe('submitted');
    expect(window.location.hash).toBe('#/exam/exam-1/result');
    expect(activeExam.view).toBeNull();
  });

  it('shows why an action failed, and clears the message on the next one', async () => {
    api.toggleExamFlag.mockRejectedValueOnce(new Error('The host is busy.'));
    const session = await loaded(api);
    session.toggleFlag();
    await vi.waitFor(() => expect(session.actionError).toBe('The host is busy.'));
    expect(session.flagged).toBe(false);
    session.toggleFlag();
    await vi.waitFor(() => expect(session.flagged).toBe(true));
    expect(session.actionError).toBeNull();
    api.submitExam.mockRejectedValueOnce(new Error('The exam is closed.'));
    await session.submit();
    expect(session.actionError).toBe('The exam is closed.');
    expect(session.submitting).toBe(false);
    session.dismissActionError();
    expect(session.actionError).toBeNull();
  });

  it('reports a task that could not be loaded', async () => {
    api.getExamTask.mockRejectedValueOnce(new Error('No such task.'));
    const session = await loaded(api);
    expect(session.actionError).toBe('No such task.');
    expect(session.task).toBeNull();
    expect(session.loadError).toBeNull();
  });

  it('at zero saves what it can and asks the host for the exam', async () => {
    api.saveExamAnswer.mockRejectedValueOnce(new Error('The exam is closed.'));
    const session = await loaded(api);
    session.changeAnswer('first', 'too late\n');
    api.getExam.mockResolvedValue(examView({ status: 'submitted', submittedAt: START }));
    session.confirmOpen = true;
    await session.expire();
    expect(session.confirmOpen).toBe(false);
    expect(session.saveLine).toBe('Not saved: The exam is closed.');
    expect(session.actionError).toBeNull();
    expect(window.location.hash).toBe('#/exam/exam-1/result');
  });

  it('keeps the terminal session and saves the policies a command applied', async () => {
    const session = await loaded(api);
    const applied = terminalSession(['apply -f policy.yaml']);
    // Before the terminal is ready there is nothing to read.
    await session.terminalCommand('first');
    expect(session.savedTerminal('first')).toBeUndefined();
    session.attachTerminal(fakeHandle(applied));
    await session.terminalCommand('first');
    expect(session.savedTerminal('first')?.history).toEqual(['apply -f policy.yaml']);
    expect(session.saveLine).toBe('Unsaved changes…');
    expect(session.openingText).toContain('name: deny-all');
    await session.submit();
    expect(api.saveExamAnswer).toHaveBeenCalledWith(
      'exam-1',
      'first',
      expect.stringContaining('name: deny-all'),
      expect.stringContaining('# netpol-lab terminal session v1'),
    );
  });

  it('continues the session the host kept with the answer', async () => {
    const kept = encodeExamTerminal(terminalSession(['get pods -n prod']));
    api.getExam.mockResolvedValue(
      examView({ answers: { first: { text: '', savedAt: START, terminal: kept } } }),
    );
    const session = await loaded(api);
    expect(session.savedTerminal('first')?.history).toEqual(['get pods -n prod']);
    // An empty answer kept only for the session leaves the editor its starter.
    expect(session.openingText).toBe('# Write your NetworkPolicy here\n');
    expect(session.savedTerminal('second')).toBeUndefined();
  });

  it('continues a session an earlier version left in the browser once, then keeps it on the host', async () => {
    const legacy = terminalSession(['get ns']);
    localStorage.setItem('netpol-lab:exam-terminal:exam-1:first', encodeExamTerminal(legacy));
    const session = await loaded(api);
    expect(session.savedTerminal('first')?.history).toEqual(['get ns']);
    session.attachTerminal(fakeHandle(terminalSession(['get ns', 'get pods -n prod'])));
    await session.terminalCommand('first');
    expect(localStorage.getItem('netpol-lab:exam-terminal:exam-1:first')).toBeNull();
    session.saveNow();
    await vi.waitFor(() => expect(session.saveLine).toBe('Answer saved'));
    expect(api.saveExamAnswer).toHaveBeenCalledWith('exam-1', 'first', '', expect.any(String));
    expect(session.savedTerminal('first')?.history).toEqual(['get ns', 'get pods -n prod']);
  });

  it('leaves a typed answer alone when the terminal applied nothing', async () => {
    const session = await loaded(api);
    session.attachTerminal(fakeHandle(terminalSession(['get pods -n prod'])));
    await session.terminalCommand('first');
    expect(session.savedTerminal('first')?.history).toEqual(['get pods -n prod']);
    // The session is saved; the answer text is not touched.
    expect(session.saveLine).toBe('Unsaved changes…');
    expect(session.openingText).toBe('# Write your NetworkPolicy here\n');
    session.changeAnswer('first', 'typed\n');
    await session.submit();
    expect(api.saveExamAnswer).toHaveBeenCalledTimes(1);
    expect(api.saveExamAnswer).toHaveBeenCalledWith('exam-1', 'first', 'typed\n', expect.any(String));
  });

  it('ignores a command from a task that is no longer shown', async () => {
    const session = await loaded(api);
    session.attachTerminal(fakeHandle(terminalSession(['apply -f policy.yaml'])));
    await session.terminalCommand('second');
    expect(session.savedTerminal('second')).toBeUndefined();
    expect(session.saveLine).toBe('');
  });
});
