/**
 * The address the platform prints — on posters, in QR codes, in the office links staff copy —
 * comes from the configuration alone, never from a request: a Host or X-Forwarded-Host header is
 * whatever the caller typed, and a poster printed from a request with a forged one would send
 * every citizen who scans it to someone else's site.
 *
 * SIPAS_PUBLIC_URL is checked at start (an absolute http(s) URL, no query, no fragment, no
 * credentials). Without it the platform prints this machine's own address — the one HOST names, or
 * its office-network (private IPv4) address, or localhost — says so at start, and the staff
 * screens and posters say that the address is not public.
 */
import { networkInterfaces } from 'node:os';
import fp from 'fastify-plugin';

export interface PublicUrl {
  /** Scheme, host, port and path prefix, without a trailing slash. */
  base: string;
  /** Whether it came from SIPAS_PUBLIC_URL; false means a local fallback, not meant for the public. */
  configured: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    publicUrl: PublicUrl;
  }
}

/** SIPAS_PUBLIC_URL is not a usable address; the message says why. */
export class PublicUrlError extends Error {}

function checked(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new PublicUrlError(`SIPAS_PUBLIC_URL must be an absolute address such as https://khaosat.example.gov.vn, not "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new PublicUrlError(`SIPAS_PUBLIC_URL must start with https:// (or http://), not ${url.protocol}//`);
  if (!url.hostname) throw new PublicUrlError('SIPAS_PUBLIC_URL names no host');
  if (url.username || url.password || /^[a-z]+:\/\/[^/]*@/i.test(raw)) throw new PublicUrlError('SIPAS_PUBLIC_URL must not hold a user name or password');
  if (raw.includes('?') || raw.includes('#')) throw new PublicUrlError('SIPAS_PUBLIC_URL must not have a query (?…) or a fragment (#…)');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const wildcard = new Set(['', '0.0.0.0', '::', '[::]']);
const isPrivateIpv4 = (address: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(address);
const virtualInterface = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|wg|zt|cni|flannel|cali)/;

/** This machine's address on the office network, chosen from its interfaces (never from a request). */
function machineAddress(host: string | undefined): string {
  if (host && !wildcard.has(host)) return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const candidates = Object.entries(networkInterfaces())
    .filter(([name]) => !virtualInterface.test(name))
    .flatMap(([, addresses]) => addresses ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal && isPrivateIpv4(a.address))
    .map((a) => a.address);
  return candidates[0] ?? 'localhost';
}

export function configuredPublicUrl(env: NodeJS.ProcessEnv = process.env): PublicUrl {
  const raw = env.SIPAS_PUBLIC_URL?.trim();
  if (raw) return { base: checked(raw), configured: true };
  return { base: `http://${machineAddress(env.HOST)}:${env.PORT ?? 3000}`, configured: false };
}

/** Addresses only a machine itself or its local network reaches (IPv4 and IPv6), and names that are not on the internet. */
const LOCAL_IPV4 = /^(0\.|10\.|127\.|169\.254\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.)/;
const LOCAL_IPV6 = /^\[(::1?|f[cd][0-9a-f]{0,2}:.*|fe[89ab][0-9a-f]?:.*|::ffff:.*)\]$/i;
const LOCAL_NAME = /(^localhost$|\.localhost$|\.local$|\.lan$|\.home$|\.internal$|\.intranet$|\.corp$|\.home\.arpa$)/i;

/**
 * Whether a poster may be printed with this address: only SIPAS_PUBLIC_URL, and only when it names
 * a host phones outside the office reach — not localhost, a private, loopback, link-local or
 * carrier-grade NAT address, a single-label name or a local domain (.local, .lan, .internal …).
 * A poster printed with any of those sends every citizen who scans it nowhere.
 */
export function isPrintable(url: PublicUrl): boolean {
  if (!url.configured) return false;
  let host: string;
  try {
    host = new URL(url.base).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host.startsWith('[')) return !LOCAL_IPV6.test(host);
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return !LOCAL_IPV4.test(host);
  return host.includes('.') && !LOCAL_NAME.test(host.replace(/\.$/, ''));
}

/** For the start-up message and `sipas offices`: what is printed when SIPAS_PUBLIC_URL is not set, or names a local address. */
export function publicUrlWarning(url: PublicUrl): string | undefined {
  if (url.configured && !isPrintable(url))
    return `SIPAS_PUBLIC_URL (${url.base}) is a local or private address: phones outside this network cannot reach it, and posters are marked not printable. Set it to the public https:// address (README).`;
  if (url.configured) return undefined;
  return (
    `SIPAS_PUBLIC_URL is not set: posters, QR codes and links print ${url.base}, this computer's own address, ` +
    'which phones outside its network cannot reach. Set SIPAS_PUBLIC_URL to the public https:// address (README).'
  );
}

export const publicUrlPlugin = fp<{ publicUrl: PublicUrl }>(
  async (app, { publicUrl }) => {
    app.decorate('publicUrl', publicUrl);
  },
  { name: 'public-url' },
);
