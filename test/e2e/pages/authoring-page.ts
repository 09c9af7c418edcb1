/** The authoring screens: "My exercises" (`#/authoring`), the exercise editor, and the pack import preview. */
import type { Locator, Page } from '@playwright/test';

/** A pod row as the cluster editor takes it. */
export interface PodInput {
  readonly namespace?: string;
  readonly name: string;
  readonly labels: string;
  readonly ports: string;
}

export class AuthoringListPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/authoring`);
    await this.page.getByRole('heading', { level: 1, name: 'My exercises' }).waitFor();
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: 'My exercises' });
  }

  get packFile(): Locator {
    return this.page.getByLabel('Pack file');
  }

  /** Opens the export form, picks `titles`, fills the details and answers the downloaded text. */
  async exportPack(
    titles: readonly string[],
    details: { name: string; author: string; version: string },
  ): Promise<string> {
    await this.page.getByRole('button', { name: 'Export pack' }).click();
    const form = this.page.getByRole('form', { name: 'Export pack' });
    for (const title of titles) await form.getByRole('checkbox', { name: title }).check();
    await form.getByLabel('Pack name').fill(details.name);
    await form.getByLabel('Author').fill(details.author);
    await form.getByLabel('Version').fill(details.version);
    const download = this.page.waitForEvent('download');
    await form.getByRole('button', { name: 'Download pack' }).click();
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

export class AuthoringEditorPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  field(name: string): Locator {
    return this.page.getByLabel(name, { exact: true });
  }

  /** Adds a pod row and fills it. */
  async addPod(pod: PodInput): Promise<void> {
    await this.page.getByRole('button', { name: 'Add pod' }).click();
    const index = await this.page.getByRole('button', { name: /^Remove pod \d+$/ }).count();
    await this.field(`Pod ${index} namespace`).fill(pod.namespace ?? 'default');
    await this.field(`Pod ${index} name`).fill(pod.name);
    await this.field(`Pod ${index} labels`).fill(pod.labels);
    await this.field(`Pod ${index} ports`).fill(pod.ports);
  }

  /** The editor inside the region `Starter` or `Reference solution`. */
  editor(region: 'Starter' | 'Reference solution'): Locator {
    return this.page.getByRole('region', { name: region }).getByRole('textbox', { name: 'Policy YAML' });
  }

  /** Replaces an editor's text as a paste would. */
  async setPolicy(region: 'Starter' | 'Reference solution', yaml: string): Promise<void> {
    const editor = this.editor(region);
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.insertText(yaml);
  }

  get proposals(): Locator {
    return this.page.getByRole('list', { name: 'Proposed checks' });
  }

  get validation(): Locator {
    return this.page.getByRole('region', { name: 'Validation' });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save', exact: true });
  }
}

export class PackImportPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/packs/import`);
    await this.page.getByRole('heading', { level: 1, name: 'Import a pack' }).waitFor();
  }

  /** Chooses a pack file with the given text. */
  async choose(text: string, name = 'pack.yaml'): Promise<void> {
    await this.page
      .getByLabel('Pack file')
      .setInputFiles({ name, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  }

  get preview(): Locator {
    return this.page.getByRole('region', { name: 'Pack preview' });
  }

  get problems(): Locator {
    return this.preview.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: 'Import', exact: true });
  }
}
