/**
 * The exercise screen's terminal: the switch between editor and terminal, the xterm screen (read
 * through the rows xterm draws), typing a command line, and the file editor vim and nano open.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class TerminalPanel {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  get switchToTerminal(): Locator {
    return this.page.getByRole('button', { name: 'Switch to terminal' });
  }

  get switchToEditor(): Locator {
    return this.page.getByRole('button', { name: 'Switch to editor' });
  }

  get resetClusterButton(): Locator {
    return this.page.getByRole('button', { name: 'Reset cluster' });
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Terminal', exact: true });
  }

  /** The textarea xterm types into. */
  get input(): Locator {
    return this.region.getByRole('textbox', { name: 'Terminal input' });
  }

  /** The editor vim, vi and nano open over the terminal, by its command and file. */
  fileEditor(name?: RegExp): Locator {
    return this.page.getByRole('dialog', { name: name ?? /^(vim|nano) / });
  }

  /** The text content of the file editor (CodeMirror's content). */
  fileText(): Locator {
    return this.fileEditor().getByRole('textbox', { name: /^File / });
  }

  /** Opens the terminal and waits for its first prompt. */
  async open(): Promise<void> {
    await this.switchToTerminal.click();
    await this.input.waitFor({ state: 'attached' });
    await this.waitForText('controlplane:~$');
  }

  /** Everything on the screen, rows joined with newlines (trailing blanks trimmed). */
  async screen(): Promise<string> {
    const rows = await this.region.locator('.xterm-rows > div').allInnerTexts();
    return rows.map((row) => row.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
  }

  /** Waits until the screen shows `text` (a string or a pattern), `count` times when given. */
  async waitForText(text: string | RegExp, count = 1, timeout = 20_000): Promise<void> {
    const times = (screen: string): number =>
      typeof text === 'string'
        ? screen.split(text).length - 1
        : (screen.match(new RegExp(text.source, `${text.flags.replace('g', '')}g`)) ?? []).length;
    // A line longer than the terminal wraps onto the next row; the rows joined without breaks find it.
    const seen = (screen: string): number => Math.max(times(screen), times(screen.replaceAll('\n', '')));
    await expect
      .poll(async () => seen(await this.screen()), { timeout, message: `terminal shows ${String(text)}` })
      .toBeGreaterThanOrEqual(count);
  }

  /** Types a command line and presses Enter. */
  async run(line: string): Promise<void> {
    await this.input.focus();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }
}
