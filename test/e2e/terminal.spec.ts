/**
 * The exam workflow in the exercise screen's terminal: probe with `kubectl exec … -- curl`, write
 * the policy in vim, apply it, probe again (now refused), and pass Check without touching the
 * editor; the session survives a reload, and the choice of the terminal is remembered.
 */
import { expect, test } from './support/fixtures.ts';
import { bundledExercise, FIXED_EXERCISE_ID } from './support/exercise-data.ts';
import { TerminalPanel } from './pages/terminal-panel.ts';
import { scanScreen } from './support/axe.ts';

// Typed in vim line by line. The editor keeps the indentation of the line above (vim's
// autoindent), so the policy is written at the left margin in flow style.
const POLICY_LINES = [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata: {name: internal-policy, namespace: default}',
  'spec: {podSelector: {matchLabels: {name: internal}}, policyTypes: [Egress], egress: [' +
    '{to: [{podSelector: {matchLabels: {name: payroll}}}], ports: [{port: 8080, protocol: TCP}]}, ' +
    '{to: [{podSelector: {matchLabels: {name: mysql}}}], ports: [{port: 3306, protocol: TCP}]}]}',
];

const PROBE = `k exec internal -- curl -sS -m 2 $(k get pod external -o jsonpath='{.status.podIP}'):8080`;

test('internal-egress-payroll-mysql solved entirely in the terminal with vim and curl probes', async ({
  page,
  catalog,
  exercise,
}) => {
  // Every key goes through xterm and the shell, and two probes wait for curl's timeout.
  test.slow();
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await catalog.waitUntilReady();
  await catalog.openExercise(data.title);
  await exercise.waitUntilReady(data.title);
  const terminal = new TerminalPanel(page);
  await terminal.open();

  await terminal.run('k get pods');
  await terminal.waitForText(/external\s+1\/1\s+Running/);

  // Before the policy: internal reaches external, and curl prints the pod's answer.
  await terminal.run(PROBE);
  await terminal.waitForText(/external/, 3);
  expect(await terminal.screen()).not.toContain('timed out');

  await terminal.run('vim policy.yaml');
  const editor = terminal.fileEditor(/^vim \/root\/policy\.yaml$/);
  await expect(editor).toBeVisible();
  await page.keyboard.press('i');
  await page.keyboard.type(POLICY_LINES.join('\n'));
  await page.keyboard.press('Escape');
  await page.keyboard.type(':wq');
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();

  await terminal.run('k apply -f policy.yaml');
  await terminal.waitForText('networkpolicy.networking.k8s.io/internal-policy created');

  // After: the same probe waits for curl's --max-time, then times out.
  await terminal.run(PROBE);
  await terminal.waitForText(/curl: \(28\) Connection timed out after 2000 milliseconds/);
  await terminal.run('k exec internal -- nc -zv -w 2 $(k get pod mysql -o jsonpath={.status.podIP}) 3306');
  await terminal.waitForText(/succeeded|open/);

  const summary = await exercise.check();
  expect(summary.verdict).toBe('Passed');

  // The session is the draft: after a reload the terminal opens again with the cluster as left.
  await expect(exercise.draftSaved).toBeVisible();
  await page.reload();
  await exercise.heading(data.title).waitFor();
  await expect(terminal.switchToEditor).toBeVisible();
  await terminal.waitForText('internal-policy created');
  await terminal.run('k get netpol');
  await terminal.waitForText(/internal-policy\s+name=internal/);
  await terminal.run('cat policy.yaml | grep -c Egress');
  await terminal.waitForText(/^1$/m);

  // Reset goes back to the starting cluster.
  await terminal.resetClusterButton.click();
  await terminal.run('k get netpol');
  await terminal.waitForText('No resources found in default namespace.');
});

test('heredoc apply, Tab completion, history and the editor switch by keyboard', async ({
  page,
  catalog,
  exercise,
}, testInfo) => {
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await catalog.waitUntilReady();
  await catalog.openExercise(data.title);
  await exercise.waitUntilReady(data.title);
  const terminal = new TerminalPanel(page);
  await terminal.open();

  await terminal.run('cat <<EOF | kubectl apply -f -');
  for (const line of [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata: {name: deny-all}',
    'spec: {podSelector: {}}',
    'EOF',
  ])
    await terminal.run(line);
  await terminal.waitForText('networkpolicy.networking.k8s.io/deny-all created');

  await terminal.input.focus();
  await page.keyboard.type('k get netp');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await terminal.waitForText(/deny-all\s+<none>/);

  // Up brings back the last line (Tab completed it to `netpol `), Ctrl+R finds the heredoc.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.type('-o name');
  await page.keyboard.press('Enter');
  await terminal.waitForText(/^networkpolicy\.networking\.k8s\.io\/deny-all$/m);
  await page.keyboard.press('Control+r');
  await page.keyboard.type('deny');
  await terminal.waitForText("(reverse-i-search)`deny': cat <<EOF");
  await page.keyboard.press('Control+c');
  await terminal.run('k delete netpol deny-all');
  await terminal.waitForText('networkpolicy.networking.k8s.io "deny-all" deleted');

  expect((await scanScreen(page, 'terminal', testInfo)).blocking).toEqual([]);
  await terminal.run('nano notes.txt');
  await expect(terminal.fileEditor(/^nano \/root\/notes\.txt$/)).toBeVisible();
  expect((await scanScreen(page, 'terminal-nano', testInfo)).blocking).toEqual([]);
  await page.keyboard.type('remember the DNS rule');
  await page.keyboard.press('Control+o');
  await page.keyboard.press('Control+x');
  await expect(terminal.fileEditor()).toBeHidden();
  await terminal.run('cat notes.txt');
  await terminal.waitForText(/^remember the DNS rule$/m);

  await page.keyboard.press('Control+Backquote');
  await expect(exercise.editor).toBeFocused();
  await expect(terminal.switchToTerminal).toBeVisible();
  await page.keyboard.press('Control+Backquote');
  await expect(terminal.input).toBeFocused();
});

test('Ctrl+Shift+C copies the selection and Ctrl+Shift+V pastes it as one bracketed paste', async ({
  page,
  context,
  catalog,
  exercise,
  host,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin });
  const data = await bundledExercise(FIXED_EXERCISE_ID);
  await catalog.waitUntilReady();
  await catalog.openExercise(data.title);
  await exercise.waitUntilReady(data.title);
  const terminal = new TerminalPanel(page);
  await terminal.open();

  await terminal.run('echo copied-from-the-screen');
  await terminal.waitForText(/^copied-from-the-screen$/m);
  // A triple click selects the output row; Ctrl+Shift+C puts it on the clipboard.
  const row = terminal.region
    .locator('.xterm-rows > div')
    .filter({ hasText: /^copied-from-the-screen\s*$/ })
    .first();
  // xterm draws its rows under a transparent layer that takes the mouse, so the click goes to the
  // row's place on the page rather than to the row element.
  const box = await row.boundingBox();
  if (box === null) throw new Error('The output row has no box on the page');
  await page.mouse.click(box.x + 10, box.y + box.height / 2, { clickCount: 3 });
  await terminal.input.focus();
  await page.keyboard.press('Control+Shift+C');
  await expect
    .poll(() => page.evaluate('navigator.clipboard.readText()'))
    .toMatch(/^copied-from-the-screen\s*$/);

  // Two lines pasted at once stay one edit of the command line: nothing runs until Enter.
  await page.evaluate("navigator.clipboard.writeText('echo first\\necho second')");
  await terminal.input.focus();
  await page.keyboard.press('Control+Shift+V');
  await terminal.waitForText('echo second');
  expect(await terminal.screen()).not.toMatch(/^first$/m);
  await page.keyboard.press('Enter');
  await terminal.waitForText(/^second$/m);
});
