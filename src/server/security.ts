import { networkInterfaces } from 'node:os';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors.js';

/** Methods that change state: only same-origin JSON requests may use them. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** Names the studio answers to on this machine, besides the --host it was started with. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Bind addresses that mean every interface of the machine. */
const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]']);

/**
 * Headers on every response: nothing but the studio's own files runs or loads, no site may
 * frame it, no type is guessed, and no address leaks to another site.
 */
const RESPONSE_HEADERS = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** A host name as it appears in a Host header: IPv6 addresses in brackets. */
function hostName(host: string): string {
  const name = host.toLowerCase();
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}

/**
 * The names a studio started on `host` answers to: loopback's, and the host's own; bound to
 * every interface, each address of the machine (the ones other machines reach it by). An
 * address is no rebinding risk: a page another site serves never names it as its host.
 */
function hostNames(host: string | undefined): Set<string> {
  const own = !host
    ? []
    : ALL_INTERFACES.has(host)
      ? Object.values(networkInterfaces()).flatMap((addresses) =>
          (addresses ?? []).map((address) => hostName(address.address)),
        )
      : [hostName(host)];
  return new Set([...LOOPBACK_NAMES, ...own]);
}

/** The host and port a Host header names; no port means HTTP's 80. */
function splitHost(header: string): { name: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header);
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] ? Number(match[2]) : 80 };
}

/**
 * Refuses a Host header the studio was not started for, so that a name an attacker
 * controls and points at 127.0.0.1 (DNS rebinding) gets nothing. The port must be the
 * one the studio listens on; before it listens (tests by inject) only the name is checked.
 */
function checkHost(app: FastifyInstance, names: ReadonlySet<string>, request: FastifyRequest): void {
  const named = authorityOf(request);
  const host = splitHost(named);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : undefined;
  if (!host || !names.has(host.name) || (port !== undefined && host.port !== port))
    throw new ForbiddenError(`the studio does not answer to the host ${named || '(none)'}`);
}

/**
 * The host a request is for: the Host header, unless the request line names one itself
 * (`GET http://host/path`, the absolute form), which then counts instead (RFC 9112 §3.2.2).
 */
function authorityOf(request: FastifyRequest): string {
  return /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(request.raw.url ?? '')?.[1] ?? request.headers.host ?? '';
}

/** The media type of a Content-Type header, without its parameters. */
function mediaType(request: FastifyRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * A state-changing request must come from the studio's own pages: a browser says where a
 * request comes from in Sec-Fetch-Site and Origin, and a request from another site is
 * refused. Programs (curl) send neither and are not a browser another site can drive.
 * Only JSON bodies are taken: another site cannot send one without asking first (CORS),
 * and the studio never says yes.
 */
function checkOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    throw new ForbiddenError(`a ${request.method} from another site (${site}) is refused`);
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host}`)
    throw new ForbiddenError(`a ${request.method} from ${origin} is refused`);
  if (mediaType(request) !== 'application/json')
    throw new ForbiddenError(`a ${request.method} must send JSON (Content-Type: application/json)`);
}

/**
 * The studio's guards on every request, before routing work: the Host it was started for,
 * same-origin JSON for anything that changes state, and protective response headers.
 */
export function guardRequests(app: FastifyInstance, host: string | undefined): void {
  const names = hostNames(host);
  app.addHook('onRequest', async (request) => {
    checkHost(app, names, request);
    if (STATE_CHANGING.has(request.method)) checkOrigin(request);
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.headers(RESPONSE_HEADERS);
  });
}
