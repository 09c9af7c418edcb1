/**
 * An exam task done in the terminal, as on exam day: the exam opens in the terminal, the policy is
 * applied with a heredoc, the session survives a reload, the submitted exam grades the cluster and
 * its review shows the terminal transcript.
 */
import { expect, test } from './support/fixtures.ts';
import { bundledExercises } from './support/exercise-data.ts';
import { ExamsPage } from './pages/exam-page.ts';
import { TerminalPanel } from './pages/terminal-panel.ts';

test('an exam task solved in the terminal is graded from the cluster', async ({ page }) => {
  test.slow();
  const exercises = await bundledExercises();
  const exams = new ExamsPage(page);
  await exams.open();
  const exam = await exams.startCustom({ tracks: ['Foundations'], tasks: 1 });
  const [title = ''] = await exam.taskTitles();
  const task = exercises.find((exercise) => (exercise.examTitle ?? exercise.title) === title);
  if (task === undefined) throw new Error(`no bundled exercise titled ${title}`);

  // No editor first: the terminal is the default in an exam.
  const terminal = new TerminalPanel(page);
  await expect(terminal.switchToEditor).toBeVisible();
  await terminal.waitForText('controlplane:~$');
  await terminal.run("cat <<'EOF' > answer.yaml");
  for (const line of task.solution.split('\n')) await terminal.run(line);
  await terminal.run('EOF');
  await terminal.run('k apply -f answer.yaml');
  await terminal.waitForText(/networkpolicy\.networking\.k8s\.io\/\S+ created/);
  await expect(page.getByRole('status').filter({ hasText: 'Answer saved' })).toBeVisible();

  // A reload brings the terminal back with its screen and cluster.
  await page.reload();
  await expect(terminal.switchToEditor).toBeVisible();
  await terminal.waitForText(/networkpolicy\.networking\.k8s\.io\/\S+ created/);
  await terminal.run('k get netpol -A --no-headers | wc -l');

  await exam.submit();
  await expect(exam.verdict).toHaveText('Passed');
  await expect(exam.taskScoreRow(title)).toContainText('100%');

  // The review shows what was typed in the terminal and what it answered.
  const transcript = exam.transcript(1, title);
  await expect(transcript).toContainText('k get netpol -A --no-headers | wc -l');
  await expect(transcript).toContainText(/networkpolicy\.networking\.k8s\.io\/\S+ created/);
});
