// Server-side request forgery guard for the group-robot webhooks a user enters: the platform would
// otherwise POST to any address it is given, including its own database or a cloud metadata service.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export type WebhookProblem = 'url_format' | 'not_https' | 'private_address' | 'unresolvable';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** Whether an address is loopback, private, link-local, shared, multicast or unspecified (IPv4-mapped too). */
export function isPrivateAddress(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(ip);
  if (family === 0) return true;
  return blocked.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

/** WEBHOOK_ALLOWED_HOSTS as a list: 'hooks.example.org, 127.0.0.1:8080'. */
export const allowedHostsOf = (setting: string): string[] =>
  setting
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

/**
 * Null when the platform may POST to the address: https to a host whose every address is public, or a
 * host the operator allowed explicitly (any scheme, any address). Resolved again before each delivery.
 */
export async function webhookProblem(
  raw: string,
  allowedHosts: readonly string[],
): Promise<WebhookProblem | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'url_format';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'url_format';
  if (url.username || url.password) return 'url_format';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (allowedHosts.includes(host) || allowedHosts.includes(url.host.toLowerCase())) return null;
  if (url.protocol !== 'https:') return 'not_https';
  if (isIP(host)) return isPrivateAddress(host) ? 'private_address' : null;
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    if (!addresses.length) return 'unresolvable';
    return addresses.some((a) => isPrivateAddress(a.address)) ? 'private_address' : null;
  } catch {
    return 'unresolvable';
  }
}
