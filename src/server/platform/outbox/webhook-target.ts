/* Where a webhook may point (issue 10 §5): the product posts to a URL an enterprise's manager typed,
 * so that URL must not reach the server's own machine or its private network (the database, an
 * admin port, a cloud metadata address) — unless the operator allows it (WEBHOOK_ALLOW_PRIVATE=true,
 * for an intranet robot). Checked when the setting is saved and again before each delivery, since a
 * name may resolve differently later. */
import { lookup } from 'node:dns/promises';
import net from 'node:net';

function ipv4Parts(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** Loopback, private, link-local, shared (CGNAT), unspecified, multicast and reserved addresses. */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIPv4(address)) {
    const [a = 0, b = 0] = ipv4Parts(address);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 192 && b === 0) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  if (net.isIPv6(address)) {
    if (address === '::' || address === '::1') return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
    if (mapped) return isPrivateAddress(mapped[1] as string);
    if (/^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(address)) return true; // mapped, hex form: refuse rather than decode
    const first = parseInt(address.split(':')[0] || '0', 16);
    return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
  }
  return false;
}

async function addressesOf(host: string, timeoutMs: number): Promise<string[]> {
  const timeout = new Promise<string[]>((resolve) => setTimeout(() => resolve([]), timeoutMs).unref());
  const found = lookup(host, { all: true, verbatim: true }).then(
    (list) => list.map((a) => a.address),
    () => [] as string[], // a name that does not resolve (yet) reaches nothing; delivery will retry
  );
  return Promise.race([found, timeout]);
}

/** True when the URL's host is, or resolves to, a loopback/private address. */
export async function isPrivateTarget(url: string, timeoutMs = 2_000): Promise<boolean> {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return true;
  }
  if (net.isIP(host)) return isPrivateAddress(host);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return (await addressesOf(host, timeoutMs)).some(isPrivateAddress);
}
