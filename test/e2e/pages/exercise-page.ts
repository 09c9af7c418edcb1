/** The exercise screen (`#/exercise/<id>`): task, cluster, editor, Check, results, help, history. */
import type { Locator, Page } from '@playwright/test';
import { escapeRegExp, squash } from '../support/text.ts';

export type CheckStatus = 'passed' | 'failed' | 'info';

/** The result summary as shown after a Check. */
export interface ResultSummary {
  /** "Passed" or "Not passed". */
  readonly verdict: string;
  /** Whole text of the Results region, whitespace collapsed. */
  readonly text: string;
  readonly passing: number;
  readonly total: number;
  readonly score: number;
}

export class ExercisePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(title?: string): Locator {
    const main = this.page.getByRole('main');
    return title === undefined
      ? main.getByRole('heading', { level: 1 })
      : main.getByRole('heading', { level: 1, name: title, exact: true });
  }

  get backLink(): Locator {
    return this.page.getByRole('link', { name: 'Back to catalog' });
  }

  get taskRegion(): Locator {
    return this.page.getByRole('region', { name: 'Task', exact: true });
  }

  get clusterRegion(): Locator {
    return this.page.getByRole('region', { name: 'Cluster', exact: true });
  }

  get podsTable(): Locator {
    return this.clusterRegion.getByRole('table', { name: 'Pods' });
  }

  /** The graph's drawing: a group whose arrows are buttons (one tab stop, arrow keys move). */
  get reachabilityGraph(): Locator {
    return this.page.getByRole('group', { name: 'Reachability graph' });
  }

  /** The graph's arrows, each named like `prod/web to prod/db on 5432/TCP: allowed, as a check expects`. */
  get graphArrows(): Locator {
    return this.reachabilityGraph.getByRole('button');
  }

  /** The graph's port filter. */
  get graphPort(): Locator {
    return this.clusterRegion.getByRole('combobox', { name: 'Port' });
  }

  get differencesOnly(): Locator {
    return this.clusterRegion.getByRole('checkbox', { name: /^Differences only/ });
  }

  get graphLegend(): Locator {
    return this.clusterRegion.getByRole('list', { name: 'Legend' });
  }

  get editorRegion(): Locator {
    return this.page.getByRole('region', { name: 'Editor', exact: true });
  }

  /** CodeMirror's content element. */
  get editor(): Locator {
    return this.page.getByRole('textbox', { name: 'Policy YAML' });
  }

  get checkButton(): Locator {
    return this.page.getByRole('button', { name: 'Check', exact: true });
  }

  get resetButton(): Locator {
    return this.page.getByRole('button', { name: 'Reset to starter' });
  }

  /** The autosave status line, once it says the draft reached the host. */
  get draftSaved(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Draft saved' });
  }

  get resultsRegion(): Locator {
    return this.page.getByRole('region', { name: 'Results', exact: true });
  }

  /** The h2 saying "Passed" or "Not passed" (absent before the first Check). */
  get summaryHeading(): Locator {
    return this.resultsRegion.getByRole('heading', { level: 2, name: /^(Passed|Not passed)$/ });
  }

  /** The matrix: a grid of the endpoints the checks use, one port at a time, drawn as it scrolls. */
  get matrix(): Locator {
    return this.page.getByRole('grid', { name: 'Reachability matrix' });
  }

  /** One matrix cell, by the start of its name (`prod/web to prod/db on 5432/TCP`). */
  matrixCell(connection: string): Locator {
    return this.matrix.getByRole('gridcell', { name: new RegExp(`^${escapeRegExp(connection)}:`) });
  }

  get explainConnectionButton(): Locator {
    return this.page.getByRole('button', { name: 'Explain a connection…' });
  }

  /** The "why" panel (non-modal). */
  get whyPanel(): Locator {
    return this.page.getByRole('dialog', { name: 'Why this connection?' });
  }

  /** The side of a connection the panel explains: `Egress, leaving …` or `Ingress, arriving at …`. */
  whySide(direction: 'Egress' | 'Ingress'): Locator {
    return this.whyPanel.getByRole('region', { name: new RegExp(`^${direction}, `) });
  }

  /** Fills the panel's probe form and presses Explain. */
  async probe(from: string, to: string, port: number, protocol = 'TCP'): Promise<void> {
    await this.whyPanel.getByRole('combobox', { name: 'From', exact: true }).fill(from);
    await this.whyPanel.getByRole('combobox', { name: 'To', exact: true }).fill(to);
    await this.whyPanel.getByRole('textbox', { name: 'Port' }).fill(String(port));
    await this.whyPanel.getByRole('combobox', { name: 'Protocol' }).selectOption(protocol);
    await this.whyPanel.getByRole('button', { name: 'Explain', exact: true }).click();
  }

  get hintButton(): Locator {
    return this.page.getByRole('button', { name: 'Show hint' });
  }

  get hints(): Locator {
    return this.page.getByRole('list', { name: 'Hints' }).getByRole('listitem');
  }

  get solutionButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Show solution', exact: true });
  }

  get solutionDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Show the reference solution?' });
  }

  get solutionRegion(): Locator {
    return this.page.getByRole('region', { name: 'Reference solution' });
  }

  get historyRegion(): Locator {
    return this.page.getByRole('region', { name: 'Attempt history' });
  }

  get attemptYaml(): Locator {
    return this.page.getByRole('region', { name: 'Attempt YAML' });
  }

  get nextExerciseLink(): Locator {
    return this.page.getByRole('link', { name: /^Next exercise/ });
  }

  /** Waits until the screen shows `title` and its editor. */
  async waitUntilReady(title?: string): Promise<void> {
    await this.heading(title).waitFor();
    await this.editor.waitFor();
  }

  /** Replaces the editor's whole text, as a paste would (typing would auto-indent every line). */
  async typeAnswer(yaml: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(yaml);
  }

  /** Types `text` at the very end of the editor's text. */
  async appendText(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.insertText(text);
  }

  /**
   * The lines CodeMirror has drawn, one per line. It draws only the lines near the viewport, so a
   * long text is not all here: use {@link endOfText} to read its last lines.
   */
  async editorText(): Promise<string> {
    return this.editor.innerText();
  }

  /** The drawn lines after moving the cursor to the end of the text (which scrolls there). */
  async endOfText(): Promise<string> {
    await this.editor.focus();
    await this.page.keyboard.press('ControlOrMeta+End');
    return this.editor.innerText();
  }

  /** Presses Check and waits until the number of attempts has grown and a summary shows. */
  async check(): Promise<ResultSummary> {
    const before = await this.attempts().count();
    await this.checkButton.click();
    await this.waitForAttempts(before + 1);
    return this.summary();
  }

  /** Waits for `count` attempts in the history and a visible summary. */
  async waitForAttempts(count: number): Promise<void> {
    await this.attempts()
      .nth(count - 1)
      .waitFor();
    await this.summaryHeading.waitFor();
  }

  /** The summary of the shown result. */
  async summary(): Promise<ResultSummary> {
    const verdict = squash(await this.summaryHeading.innerText());
    const text = squash(await this.resultsRegion.innerText());
    const counts = /(\d+) of (\d+) checks pass/.exec(text);
    const score = /Score (\d+(?:\.\d+)?)%/.exec(text);
    return {
      verdict,
      text,
      passing: Number(counts?.[1] ?? Number.NaN),
      total: Number(counts?.[2] ?? Number.NaN),
      score: Number(score?.[1] ?? Number.NaN),
    };
  }

  /** The list item of one check in the results, found by its id. */
  checkItem(id: string): Locator {
    return this.resultsRegion
      .getByRole('listitem')
      .filter({ has: this.page.getByText(id, { exact: true }) })
      .first();
  }

  /**
   * Opens the folded list of passing checks, as a learner would to read them; failing checks are
   * always shown unfolded.
   */
  async showPassingChecks(): Promise<void> {
    const group = this.resultsRegion.getByRole('group').filter({ hasText: /passing checks?|right answers?/ });
    if ((await group.count()) === 0) return;
    if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
    await group.getByRole('list', { name: /^(Passing checks|Right answers)$/ }).waitFor();
  }

  /** "passed", "failed" or "info", read from the check's item (the passing ones unfolded first). */
  async checkStatus(id: string): Promise<CheckStatus | null> {
    await this.showPassingChecks();
    const text = squash(await this.checkItem(id).innerText()).toLowerCase();
    const match = /\b(passed|failed|info)\b/.exec(text);
    return (match?.[1] as CheckStatus | undefined) ?? null;
  }

  /** Lines of the check's text that hold `line` (e.g. an engine explanation line). */
  checkLine(id: string, line: string): Locator {
    return this.checkItem(id).getByText(new RegExp(escapeRegExp(line.trim())));
  }

  /** Reveals the next hint and waits for it to appear. */
  async revealHint(): Promise<void> {
    const before = await this.hints.count();
    await this.hintButton.click();
    await this.hints.nth(before).waitFor();
  }

  /** Shows the reference solution, confirming in the dialog when one asks. */
  async showSolution(): Promise<void> {
    await this.solutionButton.click();
    const shown = this.solutionRegion.or(this.solutionDialog);
    await shown.first().waitFor();
    if (await this.solutionDialog.isVisible()) {
      await this.solutionDialog.getByRole('button', { name: 'Show solution', exact: true }).click();
    }
    await this.solutionRegion.waitFor();
  }

  /** The attempt buttons in "Attempt history", newest first. */
  attempts(): Locator {
    return this.historyRegion.getByRole('button', { name: /^Attempt\b/ });
  }

  /** Opens one attempt (0 = newest) and waits for its YAML. */
  async openAttempt(index: number): Promise<void> {
    await this.attempts().nth(index).click();
    await this.attemptYaml.waitFor();
  }

  /** Resets the editor to the starter text. */
  async resetToStarter(): Promise<void> {
    await this.resetButton.click();
  }
}
