import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isOpenableExternally,
  withContentSecurityPolicy,
} from './security-policy.ts';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the documented policy, the one the HTTP host also sends', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows only the app own scripts and forbids plugins, base and form targets', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((directive) => {
        const [name = '', ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});

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
