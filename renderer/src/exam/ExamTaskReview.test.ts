import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { testState } from '../../../core/kubectl/test-fixtures.ts';
import type { TerminalSession } from '../../../core/terminal/index.ts';
import ExamTaskReview from './ExamTaskReview.svelte';
import { REVIEW_TRANSCRIPT_LIMIT, encodeExamTerminal, reviewTranscript } from './exam-terminal.ts';

const task = {
  exerciseId: 'deny-all',
  title: 'Deny all',
  answer: 'kind: NetworkPolicy\n',
  solution: 'kind: NetworkPolicy\nmetadata:\n  name: deny-all\n',
};

function session(transcript: string, history: readonly string[] = []): TerminalSession {
  return { state: testState(), files: {}, env: {}, cwd: '/root', history: [...history], transcript };
}

describe('ExamTaskReview', () => {
  it('shows the terminal transcript: the commands typed and their output, without colours', () => {
    const screenText =
      '\u001b[1;32mcontrolplane\u001b[0m:~$ kubectl apply -f policy.yaml\r\n' +
      'networkpolicy.networking.k8s.io/deny-all created\r\n';
    render(ExamTaskReview, {
      number: 2,
      task,
      result: undefined,
      terminal: encodeExamTerminal(session(screenText, ['kubectl apply -f policy.yaml'])),
    });
    const transcript = screen.getByLabelText('Terminal transcript of task 2');
    expect(transcript.textContent).toBe(
      'controlplane:~$ kubectl apply -f policy.yaml\nnetworkpolicy.networking.k8s.io/deny-all created',
    );
    expect(transcript.tagName).toBe('PRE');
    expect(transcript.getAttribute('tabindex')).toBe('0');
    expect(screen.queryByText(/answered in the editor/)).toBeNull();
  });

  it('says so when the task was answered in the editor', () => {
    render(ExamTaskReview, { number: 1, task, result: undefined });
    expect(screen.getByRole('heading', { name: 'Terminal transcript' })).toBeTruthy();
    expect(
      screen.getByText('This task was answered in the editor; there is no terminal transcript.'),
    ).toBeTruthy();
    expect(screen.queryByLabelText(/Terminal transcript of/)).toBeNull();
  });

  it('does not claim the editor was used when nothing was saved for the task', () => {
    render(ExamTaskReview, { number: 3, task: { ...task, answer: '  \n' }, result: undefined });
    expect(screen.getByText('No terminal session was saved for this task.')).toBeTruthy();
    expect(screen.queryByText(/answered in the editor/)).toBeNull();
  });

  it('names the catalogue title under an exam title, and nothing when there is none', () => {
    const { unmount } = render(ExamTaskReview, {
      number: 1,
      task: { ...task, title: 'Lock it down' },
      result: undefined,
      catalogueTitle: 'Deny all, both directions',
    });
    expect(screen.getByRole('heading', { name: 'Task 1: Lock it down' })).toBeTruthy();
    expect(screen.getByText('In the catalogue: “Deny all, both directions”')).toBeTruthy();
    unmount();
    render(ExamTaskReview, { number: 1, task, result: undefined });
    expect(screen.queryByText(/In the catalogue/)).toBeNull();
  });

  it('treats an unreadable session as no transcript', () => {
    render(ExamTaskReview, { number: 1, task, result: undefined, terminal: 'not a session' });
    expect(screen.getByText(/answered in the editor/)).toBeTruthy();
  });
});

describe('reviewTranscript', () => {
  it('falls back to the command history when the screen is empty', () => {
    expect(reviewTranscript(encodeExamTerminal(session('', ['get pods', 'get ns'])))).toBe(
      '$ get pods\n$ get ns',
    );
    expect(reviewTranscript(encodeExamTerminal(session('')))).toBe('');
    expect(reviewTranscript(undefined)).toBeUndefined();
  });

  it('keeps the newest part of a long screen and says the rest was left out', () => {
    const long = `${'old line\n'.repeat(2000)}newest line`;
    const text = reviewTranscript(encodeExamTerminal(session(long))) ?? '';
    expect(text.startsWith('… earlier output left out …\n')).toBe(true);
    expect(text.endsWith('newest line')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(REVIEW_TRANSCRIPT_LIMIT + 40);
  });
});
