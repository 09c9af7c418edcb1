import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../core/lab-api/index.ts';
import { isOpenableExternally, withContentSecurityPolicy } from './security-policy.ts';

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps the other headers', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
  });

  it('replaces a policy already present, whatever its letter case', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ['script-src *'],
      'CONTENT-SECURITY-POLICY': ['x'],
    });
    expect(headers).toEqual({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  });

  it('works when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
  });
});

describe('isOpenableExternally', () => {
  it('accepts https links', () => {
    expect(
      isOpenableExternally('https://kubernetes.io/docs/concepts/services-networking/network-policies/'),
    ).toBe(true);
  });

  it('refuses every other scheme, credentials and junk', () => {
    for (const url of [
      'http://kubernetes.io/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-settings:',
      'https://user:secret@example.com/',
      'not a url',
      '',
    ]) {
      expect(isOpenableExternally(url), url).toBe(false);
    }
  });
});
