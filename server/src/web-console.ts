import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where `npm run build` puts the web console (web/dist), from server/src or server/dist alike. */
export const WEB_CONSOLE_DIR = path.resolve(__dirname, '..', '..', 'web', 'dist');

/**
 * Serves the web console's static files at `/` (the browser then talks only to this server's API and event
 * stream). Without a build, `/` says how to make one.
 */
export async function registerWebConsole(app: FastifyInstance, dir = WEB_CONSOLE_DIR): Promise<void> {
  if (!existsSync(path.join(dir, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.type('text/plain').send('The web console is not built: run `npm run build`, then reload.\n'),
    );
    return;
  }
  // Files are looked up when asked for (wildcard), so a console rebuilt while the server runs is served whole.
  await app.register(fastifyStatic, { root: dir, prefix: '/', index: ['index.html'] });
}
