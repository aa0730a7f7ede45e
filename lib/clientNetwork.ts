import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network a client address stands for, as the key of per-client limits: an IPv4 address itself, and an IPv6
 * address's /64 — one subscriber commonly holds a whole /64, and could otherwise take a fresh address for every
 * attempt. IPv4 addresses written as IPv6 (`::ffff:192.0.2.1`, as a dual-stack socket reports them) are IPv4.
 * Anything that is not an address is returned as it is.
 */
export function clientNetwork(address: string): string {
  const bare = address.split('%')[0].toLowerCase();
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, undefined];
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  // A trailing dotted IPv4 part stands for two groups.
  const width = (parts: string[]) => parts.reduce((sum, part) => sum + (part.includes('.') ? 2 : 1), 0);
  const first = groups(head);
  const last = groups(tail);
  const full = tail === undefined ? first : [...first, ...Array<string>(8 - width(first) - width(last)).fill('0'), ...last];
  return `${full.slice(0, 4).map((group) => (group.includes('.') ? '0' : parseInt(group, 16).toString(16))).join(':')}::/64`;
}
