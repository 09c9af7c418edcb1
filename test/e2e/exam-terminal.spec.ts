/**
 * An exam task done in the terminal, as on exam day: the exam opens in the terminal, the policy is
 * applied with a heredoc, the session survives a reload, and the submitted exam grades the cluster.
 */
import { expect, test } from './support/fixtures.ts';
import { bundledExercises } from './support/exercise-data.ts';
import { escapeRegExp } from './support/text.ts';
import { TerminalPanel } from './pages/terminal-panel.ts';

test('an exam task solved in the terminal is graded from the cluster', async ({ page }) => {
  test.slow();
  const exercises = await bundledExercises();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Exams' }).click();
  const form = page.getByRole('form', { name: 'Custom exam' });
  await form.getByRole('checkbox', { name: 'Foundations' }).check();
  await form.getByRole('spinbutton', { name: 'Number of tasks' }).fill('1');
  await form.getByRole('button', { name: 'Start exam' }).click();
  await expect(page.getByRole('timer', { name: 'Time remaining' })).toBeVisible();
  const title =
    (await page.getByRole('navigation', { name: 'Tasks' }).locator('.title').first().textContent()) ?? '';
  const task = exercises.find((exercise) => exercise.title === title);
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

  await page.getByRole('button', { name: 'Submit exam' }).click();
  await page
    .getByRole('alertdialog', { name: 'Submit exam?' })
    .getByRole('button', { name: 'Submit exam' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Passed' })).toBeVisible();
  const scores = page.getByRole('table', { name: 'Task scores' });
  await expect(scores.getByRole('row', { name: new RegExp(escapeRegExp(task.title)) })).toContainText('100%');
});
