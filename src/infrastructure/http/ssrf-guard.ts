import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector } from 'undici';

/** Why an address may not be fetched: its ipaddr.js range name, e.g. `loopback`, `private`. */
export type AddressVerdict = { allowed: true } | { allowed: false; range: string };

/**
 * Public unicast only. The IPv4 inside an IPv4-mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or
 * 6to4 (2002::/16) address is judged as itself, so none of those spellings reaches 127.0.0.1.
 */
export function judgeAddress(address: string): AddressVerdict {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return { allowed: false, range: 'unparsable' };
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    const range = v6.range();
    if (range === 'ipv4Mapped') return judgeAddress(v6.toIPv4Address().toString());
    const parts = v6.parts;
    if (range === 'rfc6052' && v6.match(ipaddr.IPv6.parse('64:ff9b::'), 96)) {
      return judgeAddress(`${parts[6] >> 8}.${parts[6] & 0xff}.${parts[7] >> 8}.${parts[7] & 0xff}`);
    }
    if (range === '6to4') return judgeAddress(`${parts[1] >> 8}.${parts[1] & 0xff}.${parts[2] >> 8}.${parts[2] & 0xff}`);
  }
  const range = parsed.range();
  return range === 'unicast' ? { allowed: true } : { allowed: false, range };
}

/** The host of a URL as an IP literal (WHATWG URL already turned 2130706433 and 0x7f.0.0.1 into 127.0.0.1), or null for a name. */
export function ipLiteralOf(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(host) ? host : null;
}

/** Raised by the guarded connector; its message is safe to show to the endpoint's owner. */
export class SsrfRefusedError extends Error {
  readonly code = 'SSRF_REFUSED';
}

export type Lookup = (hostname: string, callback: (error: Error | null, addresses: LookupAddress[]) => void) => void;

const systemLookup: Lookup = (hostname, callback) => dnsLookup(hostname, { all: true, verbatim: true }, callback);

export interface GuardOptions {
  /** WEBHOOK_ALLOW_PRIVATE_NETWORKS: every address is allowed (local testing only). */
  allowPrivateNetworks: boolean;
  /** Name resolution; the system resolver by default (tests give their own). */
  lookup?: Lookup;
  connectTimeoutMs?: number;
}

/**
 * An undici Agent whose every connection is checked at connect time, after resolution: the name is
 * resolved once, refused if ANY of its addresses is not public unicast, and the socket is opened to
 * that exact checked address (with the original name as TLS servername), so a second resolution
 * (DNS rebinding) cannot swap the target. Use it with `undici.fetch` from the same package; the
 * global fetch ignores it.
 */
export function createGuardedAgent(options: GuardOptions): Agent {
  const connector = buildConnector({ timeout: options.connectTimeoutMs ?? 10_000 });
  const lookup = options.lookup ?? systemLookup;
  return new Agent({
    connect(opts, callback) {
      const host = opts.hostname.replace(/^\[|\]$/g, '');
      const proceed = (address: string) => {
        connector({ ...opts, hostname: address, servername: opts.servername ?? (ipaddr.isValid(host) ? undefined : host) }, callback);
      };
      if (ipaddr.isValid(host)) {
        const verdict = judgeAddress(host);
        if (!verdict.allowed && !options.allowPrivateNetworks)
          return callback(new SsrfRefusedError(`refused ${host} (${verdict.range} address)`), null);
        return proceed(host);
      }
      lookup(host, (error, addresses) => {
        if (error) return callback(error, null);
        if (addresses.length === 0) return callback(new Error(`${host} has no address`), null);
        if (!options.allowPrivateNetworks) {
          for (const { address } of addresses) {
            const verdict = judgeAddress(address);
            if (!verdict.allowed)
              return callback(new SsrfRefusedError(`refused ${host}: it resolves to ${address} (${verdict.range} address)`), null);
          }
        }
        proceed(addresses[0].address);
      });
    },
  });
}
