import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { BitextError, UsageError } from '../errors.js';
import type { buildServer } from '../server/app.js';
import { parsePath, parsePort } from './options.js';

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  tokenFile?: string;
  token?: string;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1', '[::1]'];

/**
 * The shortest token taken: the sign-in answers hundreds of guesses a second, which a PIN or a
 * short word does not survive; 16 random characters would take longer than the universe has.
 */
const TOKEN_MIN_LENGTH = 16;

function checkedToken(token: string, source: string): string {
  if (token.length < TOKEN_MIN_LENGTH)
    throw new UsageError(
      `the token in ${source} has ${token.length} characters: one that resists guessing has ${TOKEN_MIN_LENGTH} or more (openssl rand -hex 24 makes one)`,
    );
  return token;
}

/** The studio's token: from --token-file, else from BITEXT_TOKEN, never from the command line. */
function readToken(options: ServeOptions): string | undefined {
  if (options.tokenFile) {
    let text: string;
    try {
      text = readFileSync(options.tokenFile, 'utf8');
    } catch (error) {
      throw new BitextError('the token file cannot be read', options.tokenFile, { cause: error });
    }
    const token = text.trim();
    if (token === '') throw new BitextError('the token file is empty', options.tokenFile);
    return checkedToken(token, options.tokenFile);
  }
  const token = process.env.BITEXT_TOKEN?.trim();
  return token ? checkedToken(token, 'BITEXT_TOKEN') : undefined;
}

/** Starts the server, turning a port in use or not allowed into one line. */
async function listen(app: ReturnType<typeof buildServer>, port: number, host: string): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`--port ${port} is in use: choose another port`);
    if (code === 'EACCES') throw new UsageError(`--port ${port} needs privileges: choose a port above 1023`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
      throw new UsageError(`--host ${host} is not an address of this machine`);
    throw error;
  }
}

export function serveCommand(databaseDefault: string): Command {
  return new Command('serve')
    .description('serve bitext studio (the web app and its API) over a corpus store')
    .option('--db <file>', 'the corpus store', parsePath, databaseDefault)
    .option('--port <n>', 'port to listen on', parsePort, 4173)
    .option('--host <host>', 'address to bind; anything but loopback needs a token', '127.0.0.1')
    .option('--token-file <file>', 'a file holding the token to sign in with (or set BITEXT_TOKEN)')
    .addOption(new Option('--token <token>').hideHelp())
    .action(async function (this: Command, options: ServeOptions) {
      if (options.token !== undefined)
        this.error(
          'error: --token would show the secret to anyone who lists processes: set BITEXT_TOKEN or give --token-file FILE',
          { exitCode: 2 },
        );
      const token = readToken(options);
      if (!LOOPBACK_HOSTS.includes(options.host) && !token)
        throw new UsageError(
          `binding to ${options.host} exposes the corpus: set BITEXT_TOKEN or give --token-file FILE`,
        );
      const { buildServer } = await import('../server/app.js');
      const { openSqliteStore } = await import('./sqlite-store.js');
      const store = openSqliteStore(options.db);
      const webRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
      const app = buildServer(store, {
        host: options.host,
        ...(token ? { token } : {}),
        ...(existsSync(webRoot) ? { webRoot } : {}),
      });
      const address = await listen(app, options.port, options.host).catch((error: unknown) => {
        store.close();
        throw error;
      });
      const signIn = token ? ' (sign in with the token)' : '';
      process.stderr.write(`bitext: serving ${options.db} at ${address}${signIn}\n`);
    });
}
