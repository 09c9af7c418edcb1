/**
 * IP and CIDR helpers for ipBlock rules and pod addresses, IPv4 and IPv6 alike. Built on `ipaddr.js`,
 * but stricter than its parser: only the forms the Kubernetes API server accepts (dotted four-part
 * decimal for IPv4, no zone ids for IPv6), so `10`, `0x0a.0.0.1` or `fe80::1%eth0` are not addresses.
 */
import ipaddr from 'ipaddr.js';

export type IpFamily = 'ipv4' | 'ipv6';

/** A parsed CIDR. `network` is the canonical network address (host bits cleared). */
export interface ParsedCidr {
  readonly family: IpFamily;
  readonly network: string;
  readonly prefixLength: number;
  /** The text as written, trimmed. */
  readonly text: string;
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Parses an address in the strict API-server forms; IPv4-mapped IPv6 becomes IPv4 (as Go does). */
// Pod and external addresses are parsed again and again (compile, partition, diff, every grade of
// one exercise); answers are remembered per text, and the memo starts over once it grows large.
const parsedAddresses = new Map<string, Address | null>();
const PARSED_ADDRESS_LIMIT = 20_000;

function parseStrictAddress(text: string): Address | undefined {
  const known = parsedAddresses.get(text);
  if (known !== undefined) return known ?? undefined;
  const parsed = parseAddressText(text);
  if (parsedAddresses.size >= PARSED_ADDRESS_LIMIT) parsedAddresses.clear();
  parsedAddresses.set(text, parsed ?? null);
  return parsed;
}

function parseAddressText(text: string): Address | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.length > 64) return undefined;
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(trimmed)) return ipaddr.IPv4.parse(trimmed);
    if (trimmed.includes(':') && !trimmed.includes('%') && ipaddr.IPv6.isValid(trimmed)) {
      const address = ipaddr.IPv6.parse(trimmed);
      return address.isIPv4MappedAddress() ? address.toIPv4Address() : address;
    }
  } catch {
    // ipaddr.js throws on some malformed input; that simply means "not an address".
  }
  return undefined;
}

/** True when `text` is one IPv4 (dotted decimal) or IPv6 address. */
export function isValidIp(text: string): boolean {
  return parseStrictAddress(text) !== undefined;
}

/**
 * The canonical text form of an address: dotted decimal for IPv4, RFC 5952 for IPv6 (`2001:db8::1`).
 * Returns the input unchanged when it is not a valid address, so callers can compare safely.
 */
export function canonicalIp(text: string): string {
  const address = parseStrictAddress(text);
  return address === undefined ? text : address.toString();
}

/** The family of a valid address, or `undefined`. */
export function ipFamily(text: string): IpFamily | undefined {
  return parseStrictAddress(text)?.kind();
}

/** Clears the host bits of an address. */
function networkOf(address: Address, prefixLength: number): Address {
  const bytes = address.toByteArray();
  for (let index = 0; index < bytes.length; index++) {
    const bitsHere = Math.max(0, Math.min(8, prefixLength - index * 8));
    const mask = bitsHere === 0 ? 0 : (0xff << (8 - bitsHere)) & 0xff;
    bytes[index] = (bytes[index] as number) & mask;
  }
  return ipaddr.fromByteArray(bytes);
}

/**
 * Parses `address/prefix` as Go's `net.ParseCIDR` would (the prefix is required; host bits may be set
 * and are cleared in `network`). Returns `undefined` for anything else.
 */
export function parseCidr(text: string): ParsedCidr | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash === -1) return undefined;
  const addressText = trimmed.slice(0, slash);
  const prefixText = trimmed.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  // A mapped address keeps its IPv6 prefix width, so parse it without the IPv4 conversion.
  let address: Address | undefined;
  try {
    if (ipaddr.IPv4.isValidFourPartDecimal(addressText)) address = ipaddr.IPv4.parse(addressText);
    else if (addressText.includes(':') && !addressText.includes('%') && ipaddr.IPv6.isValid(addressText)) {
      address = ipaddr.IPv6.parse(addressText);
    }
  } catch {
    address = undefined;
  }
  if (address === undefined) return undefined;
  const maximum = address.kind() === 'ipv4' ? 32 : 128;
  if (prefixLength > maximum) return undefined;
  const network = networkOf(address, prefixLength);
  const networkText =
    network.kind() === 'ipv6' ? (network as ipaddr.IPv6).toRFC5952String() : network.toString();
  return { family: address.kind(), network: networkText, prefixLength, text: trimmed };
}

/** True when `text` is a valid CIDR (see {@link parseCidr}). */
export function isValidCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

function toParsed(cidr: string | ParsedCidr): ParsedCidr | undefined {
  return typeof cidr === 'string' ? parseCidr(cidr) : cidr;
}

/** Whether the first `bits` bits of two same-family byte arrays agree. */
function prefixMatches(left: readonly number[], right: readonly number[], bits: number): boolean {
  for (let index = 0; index < left.length && bits > 0; index++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if (((left[index] as number) & mask) !== ((right[index] as number) & mask)) return false;
  }
  return true;
}

/** Bytes of a CIDR network in its own family (mapped IPv6 networks stay 16 bytes). */
function networkBytes(cidr: ParsedCidr): number[] {
  return cidr.family === 'ipv4'
    ? ipaddr.IPv4.parse(cidr.network).toByteArray()
    : ipaddr.IPv6.parse(cidr.network).toByteArray();
}

/**
 * True when the address lies inside the CIDR. Different families never contain each other (an IPv4
 * address is not inside `::/0`); invalid input gives false.
 */
export function cidrContains(cidr: string | ParsedCidr, ip: string): boolean {
  const parsed = toParsed(cidr);
  const address = parseStrictAddress(ip);
  if (parsed === undefined || address === undefined || parsed.family !== address.kind()) return false;
  return prefixMatches(networkBytes(parsed), address.toByteArray(), parsed.prefixLength);
}

/**
 * True when `inner` is a strict subset of `outer`: same family, inside it, and a longer prefix.
 * This is the API server's rule for `ipBlock.except` entries.
 */
export function cidrIsStrictSubset(inner: string | ParsedCidr, outer: string | ParsedCidr): boolean {
  const innerParsed = toParsed(inner);
  const outerParsed = toParsed(outer);
  if (innerParsed === undefined || outerParsed === undefined) return false;
  if (innerParsed.family !== outerParsed.family) return false;
  if (innerParsed.prefixLength <= outerParsed.prefixLength) return false;
  return prefixMatches(networkBytes(outerParsed), networkBytes(innerParsed), outerParsed.prefixLength);
}
