import { describe, expect, it } from 'vitest';
import { checkSender, isSameDocument, untrustedSenderResult } from './sender-check.ts';
import type { FrameFacts, SenderCheckInput } from './sender-check.ts';

const expectedUrl = 'app://lab/index.html';
const mainFrame: FrameFacts = { processId: 4, frameToken: 'token-main', url: expectedUrl, isMainFrame: true };

function input(overrides: Partial<SenderCheckInput> = {}): SenderCheckInput {
  return {
    senderFrame: mainFrame,
    senderWebContentsId: 1,
    window: { webContentsId: 1, mainFrame: { processId: 4, frameToken: 'token-main' } },
    expectedUrl,
    ...overrides,
  };
}

describe('isSameDocument', () => {
  it('accepts the page itself, with or without a route fragment', () => {
    expect(isSameDocument(expectedUrl, expectedUrl)).toBe(true);
    expect(isSameDocument(`${expectedUrl}#/exercise/internal-egress-payroll-mysql`, expectedUrl)).toBe(true);
  });

  it('rejects other files, hosts, ports, schemes, queries and unparsable text', () => {
    for (const url of [
      'app://lab/other.html',
      'app://lab/assets/index.html',
      'app://other/index.html',
      'app://lab:8080/index.html',
      'app://user@lab/index.html',
      `${expectedUrl}?x=1`,
      'file:///opt/NetPol%20Lab/resources/app.asar/dist/renderer/index.html',
      'file:///index.html',
      'https://lab/index.html',
      'not a url',
      '',
    ]) {
      expect(isSameDocument(url, expectedUrl), url).toBe(false);
    }
  });

  it('compares the path after normalisation, so dot segments cannot smuggle in another file', () => {
    expect(isSameDocument('app://lab/assets/../index.html', expectedUrl)).toBe(true);
    expect(isSameDocument('app://lab/%2e%2e/index.html', expectedUrl)).toBe(true);
    expect(isSameDocument('app://lab/x/../../secret/index.html', expectedUrl)).toBe(false);
  });

  it('still compares file: pages exactly, host and all', () => {
    const filePage = 'file:///opt/NetPol%20Lab/resources/app.asar/dist/renderer/index.html';
    expect(isSameDocument(filePage, filePage)).toBe(true);
    expect(
      isSameDocument(
        'file://evil-host/opt/NetPol%20Lab/resources/app.asar/dist/renderer/index.html',
        filePage,
      ),
    ).toBe(false);
    expect(isSameDocument('file:///tmp/index.html', filePage)).toBe(false);
  });
});

describe('checkSender', () => {
  it('trusts the main frame of the lab window on the lab page', () => {
    expect(checkSender(input())).toEqual({ trusted: true });
    expect(checkSender(input({ senderFrame: { ...mainFrame, url: `${expectedUrl}#/progress` } }))).toEqual({
      trusted: true,
    });
  });

  it('refuses a call whose frame is gone', () => {
    expect(checkSender(input({ senderFrame: null }))).toEqual({
      trusted: false,
      reason: 'the sending frame is gone',
    });
  });

  it('refuses every call while no window is open', () => {
    expect(checkSender(input({ window: null }))).toEqual({ trusted: false, reason: 'no lab window is open' });
  });

  it('refuses calls from another web contents, even one showing the same page', () => {
    const verdict = checkSender(input({ senderWebContentsId: 2 }));
    expect(verdict).toEqual({ trusted: false, reason: 'the call came from another web contents' });
  });

  it('refuses sub-frames and frames that are not the window main frame', () => {
    const subFrame = { ...mainFrame, frameToken: 'token-child', isMainFrame: false };
    expect(checkSender(input({ senderFrame: subFrame })).trusted).toBe(false);
    // A main frame that claims no parent but is not the window's current main frame (for
    // example a stale one in another process) is refused too.
    expect(checkSender(input({ senderFrame: { ...mainFrame, processId: 9 } })).trusted).toBe(false);
    expect(checkSender(input({ senderFrame: { ...mainFrame, frameToken: 'token-old' } })).trusted).toBe(
      false,
    );
    expect(checkSender(input({ senderFrame: { ...mainFrame, isMainFrame: false } })).trusted).toBe(false);
  });

  it('refuses the right frame once it shows another page', () => {
    const verdict = checkSender(input({ senderFrame: { ...mainFrame, url: 'https://example.com/' } }));
    expect(verdict).toEqual({ trusted: false, reason: 'the call came from a page other than the lab' });
  });
});

describe('untrustedSenderResult', () => {
  it('answers the error envelope with invalid-argument and the reason', () => {
    expect(untrustedSenderResult({ reason: 'the sending frame is gone' })).toEqual({
      ok: false,
      error: { code: 'invalid-argument', message: 'Request refused: the sending frame is gone.' },
    });
  });
});
