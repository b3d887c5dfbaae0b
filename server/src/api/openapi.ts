import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * The OpenAPI 3.1 document at `/openapi.json`, built from the routes' schemas (which come from the wire
 * contract), and Swagger UI at `/docs`. Registered before the routes, so that it sees every one.
 */
export async function registerOpenApi(app: FastifyInstance, organization: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `Carbon ETS member server (${organization})`,
        version: '1.0.0',
        description:
          "A consortium member's REST API in front of its own peer. Every write is a chaincode transaction submitted with the logged-in user's own identity; amounts are whole tonnes and minor units (fen).",
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'carbon_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
