import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dialog from './Dialog.svelte';

const children = createRawSnippet(() => ({
  render: () => '<div><button type="button">First</button><input aria-label="Name" /></div>',
}));

function opener(): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = 'Open';
  document.body.append(button);
  button.focus();
  return button;
}

describe('Dialog', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('renders nothing while closed', () => {
    render(Dialog, { open: false, title: 'Settings', children });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is a named modal dialog that takes focus when it opens', async () => {
    opener();
    const { rerender } = render(Dialog, { open: false, title: 'Settings', children });
    await rerender({ open: true });
    const dialog = screen.getByRole('dialog', { name: 'Settings' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'First' }));
  });

  it('keeps Tab inside the dialog', async () => {
    opener();
    const { rerender } = render(Dialog, { open: false, title: 'Settings', children });
    await rerender({ open: true });
    const first = screen.getByRole('button', { name: 'First' });
    const last = screen.getByRole('textbox', { name: 'Name' });
    last.focus();
    await fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    await fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('closes on Escape, tells its owner, and returns focus', async () => {
    const button = opener();
    const onclose = vi.fn();
    const { rerender } = render(Dialog, { open: false, title: 'Reset progress?', children, onclose });
    await rerender({ open: true });
    await fireEvent.keyDown(screen.getByRole('button', { name: 'First' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onclose).toHaveBeenCalledOnce();
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click on the backdrop but not inside', async () => {
    const onclose = vi.fn();
    render(Dialog, { open: true, title: 'Settings', children, onclose });
    const dialog = screen.getByRole('dialog');
    await fireEvent.mouseDown(dialog);
    expect(onclose).not.toHaveBeenCalled();
    const backdrop = dialog.parentElement;
    if (!backdrop) throw new Error('no backdrop');
    await fireEvent.mouseDown(backdrop);
    expect(onclose).toHaveBeenCalledOnce();
  });
});
