import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { UnauthorizedError } from '../errors.js';
import { SignInThrottle } from './throttle.js';

/**
 * The session cookie's name, with the port the studio listens on: a browser sends a cookie
 * to every port of a host, so two studios on one machine would otherwise replace each
 * other's sessions. Before the studio listens (tests by inject) the name has no port.
 */
function sessionCookie(app: FastifyInstance): string {
  const address = app.server.address();
  return typeof address === 'object' && address ? `bitext_session_${address.port}` : 'bitext_session';
}
/** A sign-in lasts a working day; after that the token is asked for again. */
const SESSION_SECONDS = 12 * 60 * 60;

/** Routes anyone may reach: the sign-in itself and the web app's files. */
export const PUBLIC_ROUTE = { public: true } as const;

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Compares a secret in constant time: both sides are hashed first, so lengths never differ. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

/** Sessions in memory, by the hash of their cookie: a restart signs everyone out. */
class Sessions {
  private readonly expiries = new Map<string, number>();

  open(): string {
    const id = randomBytes(32).toString('base64url');
    this.expiries.set(sha256(id).toString('hex'), Date.now() + SESSION_SECONDS * 1000);
    return id;
  }

  isOpen(id: string | undefined): boolean {
    if (!id) return false;
    const key = sha256(id).toString('hex');
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry < Date.now()) this.expiries.delete(key);
    return expiry !== undefined && expiry >= Date.now();
  }

  close(id: string | undefined): void {
    if (id) this.expiries.delete(sha256(id).toString('hex'));
  }
}

function bearer(request: FastifyRequest): string | undefined {
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * Token mode: every route but the public ones needs the token, as a Bearer header or as
 * the session cookie the sign-in gives. The decision is made on the route the router
 * resolved (its config), never on the raw URL, so no spelling of a path gets around it.
 * Without a token the session routes still answer, saying that none is needed.
 */
export function guardSessions(app: FastifyInstance, token: string | undefined): void {
  const sessions = new Sessions();
  const throttle = new SignInThrottle();
  app.register(fastifyCookie);
  // Read here rather than from request.cookies: this hook may run before the plugin's own.
  const sessionOf = (request: FastifyRequest) =>
    app.parseCookie(request.headers.cookie ?? '')[sessionCookie(app)];
  /** Whether a token someone gives is the studio's: each wrong one counts against their address. */
  const rightToken = (request: FastifyRequest, given: string, expected: string) => {
    throttle.check(request.ip);
    const right = sameSecret(given, expected);
    if (right) throttle.succeeded(request.ip);
    else throttle.failed(request.ip);
    return right;
  };
  const signedIn = (request: FastifyRequest) => {
    if (token === undefined || sessions.isOpen(sessionOf(request))) return true;
    const given = bearer(request);
    return given !== undefined && rightToken(request, given, token);
  };

  if (token !== undefined) {
    app.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config as { public?: boolean } | undefined;
      if (!config?.public && !signedIn(request))
        throw new UnauthorizedError('sign in first: this studio needs its token');
    });
  }

  app.get('/api/session', { config: PUBLIC_ROUTE }, async (request) => ({
    tokenRequired: token !== undefined,
    signedIn: signedIn(request),
  }));

  app.post<{ Body: { token: string } }>(
    '/api/session',
    {
      config: PUBLIC_ROUTE,
      schema: {
        body: {
          type: 'object',
          required: ['token'],
          properties: { token: { type: 'string', minLength: 1, maxLength: 1000 } },
        },
      },
    },
    async (request, reply) => {
      if (token === undefined) return { signedIn: true };
      if (!rightToken(request, request.body.token, token))
        throw new UnauthorizedError('that is not the token');
      reply.setCookie(sessionCookie(app), sessions.open(), {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        maxAge: SESSION_SECONDS,
      });
      return { signedIn: true };
    },
  );

  app.delete('/api/session', { config: PUBLIC_ROUTE }, async (request, reply) => {
    sessions.close(sessionOf(request));
    reply.clearCookie(sessionCookie(app), { path: '/' });
    return { signedIn: false };
  });
}
