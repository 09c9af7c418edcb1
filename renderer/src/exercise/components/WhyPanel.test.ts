import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveAnalysis } from '../live/live-analysis.ts';
import { WhyPanelState } from '../why-panel.svelte.ts';
import { DB_POLICY, writeExercise } from '../test-fixtures.ts';
import WhyPanel from './WhyPanel.svelte';

const endpoints = ['prod/web', 'prod/db', 'prod/batch', 'backup'];

function setUp(text = DB_POLICY) {
  const analysis = new LiveAnalysis(writeExercise());
  analysis.fromText(text);
  const why = new WhyPanelState(async (request) => analysis.explain(request));
  render(WhyPanel, { why, endpoints, predict: false, stale: false });
  return { why, analysis };
}

function opener(): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = 'cell';
  document.body.append(button);
  return button;
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await tick();
}

describe('WhyPanel', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('explains the connection it was opened on, side by side, in the engine words', async () => {
    const { why } = setUp();
    why.openFor({ from: 'prod/batch', to: 'prod/db', port: 5432, protocol: 'TCP' }, opener());
    await settle();
    const panel = screen.getByRole('dialog', { name: 'Why this connection?' });
    expect(panel.getAttribute('aria-modal')).toBe('false');
    expect(within(panel).getByText('Denied')).toBeTruthy();
    expect(within(panel).getByRole('combobox', { name: 'From' })).toHaveProperty('value', 'prod/batch');
    expect(within(panel).getByRole('textbox', { name: 'Port' })).toHaveProperty('value', '5432');
    const ingress = within(panel).getByRole('region', { name: 'Ingress, arriving at prod/db' });
    expect(ingress.textContent).toContain('denies');
    expect(ingress.textContent).toContain(
      'prod/db ingress rule 0: no peer matches (from[0]: podSelector needs app=web, but app is "batch")',
    );
    const egress = within(panel).getByRole('region', { name: 'Egress, leaving prod/batch' });
    expect(egress.textContent).toContain('not isolated for egress');
    expect(within(panel).getByRole('list', { name: 'Checks on this connection' }).textContent).toContain(
      'batch-to-db',
    );
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'Why this connection?' }));
  });

  it('explains what the form says, and names the field that is wrong', async () => {
    const { why } = setUp();
    why.openBlank(opener());
    await settle();
    const panel = screen.getByRole('dialog', { name: 'Why this connection?' });
    const from = within(panel).getByRole('combobox', { name: 'From' });
    expect(document.activeElement).toBe(from);
    await fireEvent.input(from, { target: { value: 'prod/web' } });
    await fireEvent.input(within(panel).getByRole('combobox', { name: 'To' }), {
      target: { value: 'prod/dbb' },
    });
    await fireEvent.input(within(panel).getByRole('textbox', { name: 'Port' }), {
      target: { value: '5432' },
    });
    await fireEvent.click(within(panel).getByRole('button', { name: 'Explain' }));
    await settle();
    const to = within(panel).getByRole('combobox', { name: 'To' });
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(within(panel).getByRole('alert').textContent).toContain('no pod "prod/dbb"');
    await fireEvent.input(to, { target: { value: 'prod/db' } });
    await fireEvent.change(within(panel).getByRole('combobox', { name: 'Protocol' }), {
      target: { value: 'UDP' },
    });
    await fireEvent.click(within(panel).getByRole('button', { name: 'Explain' }));
    await settle();
    expect(within(panel).getByText('Denied')).toBeTruthy();
    expect(within(panel).getByText('prod/web → prod/db on 5432/UDP')).toBeTruthy();
    expect(within(panel).getByText('No check looks at this connection.')).toBeTruthy();
  });

  it('closes on Escape and gives focus back to what opened it', async () => {
    const { why } = setUp();
    const cell = opener();
    why.openFor({ from: 'prod/web', to: 'prod/db', port: 5432, protocol: 'TCP' }, cell);
    await settle();
    const panel = screen.getByRole('dialog', { name: 'Why this connection?' });
    await fireEvent.keyDown(within(panel).getByRole('combobox', { name: 'From' }), { key: 'Escape' });
    await tick();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(cell);
  });

  it('says why it explains nothing in a predict exercise before the first Check', async () => {
    const { why } = setUp();
    why.blocked = 'Check your predictions first.';
    why.openFor({ from: 'prod/web', to: 'prod/db', port: 5432, protocol: 'TCP' }, opener());
    await settle();
    expect(screen.getByText('Check your predictions first.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Explain' })).toHaveProperty('disabled', true);
    expect(screen.queryByText('Denied')).toBeNull();
  });

  it('explains again when the policies change under it', async () => {
    const { why, analysis } = setUp('');
    why.openFor({ from: 'prod/batch', to: 'prod/db', port: 5432, protocol: 'TCP' }, opener());
    await settle();
    expect(screen.getByText('Allowed')).toBeTruthy();
    analysis.fromText(DB_POLICY);
    why.refresh();
    await settle();
    expect(screen.getByText('Denied')).toBeTruthy();
  });
});
