import { describe, it, expect } from 'vitest';
import {
  canonicalIp,
  cidrContains,
  cidrIsStrictSubset,
  ipFamily,
  isValidCidr,
  isValidIp,
  parseCidr,
} from './ip.ts';

describe('isValidIp / canonicalIp', () => {
  it('accepts dotted IPv4 and IPv6, rejects sloppy forms', () => {
    expect(isValidIp('10.0.0.1')).toBe(true);
    expect(isValidIp('2001:DB8::1')).toBe(true);
    expect(isValidIp('10')).toBe(false);
    expect(isValidIp('0x0a.0.0.1')).toBe(false);
    expect(isValidIp('10.0.0.256')).toBe(false);
    expect(isValidIp('fe80::1%eth0')).toBe(false);
    expect(isValidIp('')).toBe(false);
  });

  it('canonicalises IPv6 per RFC 5952 and mapped IPv4 to IPv4', () => {
    expect(canonicalIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalIp('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(canonicalIp(' 10.0.0.1 ')).toBe('10.0.0.1');
    expect(canonicalIp('not an ip')).toBe('not an ip');
    expect(ipFamily('::1')).toBe('ipv6');
  });
});

describe('parseCidr', () => {
  it('requires a prefix and clears host bits', () => {
    expect(parseCidr('10.0.0.1/24')).toEqual({
      family: 'ipv4',
      network: '10.0.0.0',
      prefixLength: 24,
      text: '10.0.0.1/24',
    });
    expect(parseCidr('2001:db8::1/32')?.network).toBe('2001:db8::');
    expect(parseCidr('10.0.0.1')).toBeUndefined();
    expect(isValidCidr('10.0.0.0/33')).toBe(false);
    expect(isValidCidr('::/129')).toBe(false);
    expect(isValidCidr('10.0.0.0/-1')).toBe(false);
    expect(isValidCidr('0.0.0.0/0')).toBe(true);
  });
});

describe('cidrContains', () => {
  it('matches inside the prefix only, per family', () => {
    expect(cidrContains('10.0.0.0/8', '10.200.3.4')).toBe(true);
    expect(cidrContains('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(cidrContains('172.16.0.0/12', '172.31.255.255')).toBe(true);
    expect(cidrContains('172.16.0.0/12', '172.32.0.0')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(cidrContains('2001:db8::/32', '2001:db8:1::5')).toBe(true);
    expect(cidrContains('0.0.0.0/0', '2001:db8::1')).toBe(false);
    expect(cidrContains('::/0', '10.0.0.1')).toBe(false);
    expect(cidrContains('10.0.0.5/32', '10.0.0.5')).toBe(true);
    expect(cidrContains('bad', '10.0.0.5')).toBe(false);
  });
});

describe('cidrIsStrictSubset', () => {
  it('needs the same family, containment and a longer prefix', () => {
    expect(cidrIsStrictSubset('10.1.0.0/16', '10.0.0.0/8')).toBe(true);
    expect(cidrIsStrictSubset('10.0.0.0/8', '10.0.0.0/8')).toBe(false);
    expect(cidrIsStrictSubset('11.0.0.0/16', '10.0.0.0/8')).toBe(false);
    expect(cidrIsStrictSubset('2001:db8:1::/48', '2001:db8::/32')).toBe(true);
    expect(cidrIsStrictSubset('::/64', '10.0.0.0/8')).toBe(false);
  });
});
