/**
 * The network a client's address stands for, as throttles count it. An IPv4 address is one
 * subscriber; an IPv6 subscriber usually holds a whole /64 and can pick any address in it, so
 * counting per IPv6 address would give one attacker 2^64 fresh counters.
 */
import ipaddr from 'ipaddr.js';

export function clientNetwork(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address().toString();
  if (v6.range() === 'loopback') return '::1';
  return `${v6.parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(':')}::/64`;
}
