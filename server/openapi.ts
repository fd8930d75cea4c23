import { OpenAPIHono } from '@hono/zod-openapi';
import { API_VERSION } from '../lib/contract';
import { BEARER_SCHEME, OPENAPI_INFO, routes } from '../lib/contract/api-routes';

/** The OpenAPI 3.1 document, generated from the route definitions and the contract's zod schemas. */
export function buildOpenApiDocument(serverUrl?: string) {
  const doc = new OpenAPIHono();
  doc.openAPIRegistry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http', scheme: 'bearer', description: 'A token the firm issues to the user (the demo firm: demo-partner-token, demo-secondee-token, demo-bd-token, demo-risk-token).',
  });
  for (const route of Object.values(routes)) doc.openAPIRegistry.registerPath(route);
  return doc.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { ...OPENAPI_INFO, 'x-api-version': API_VERSION } as typeof OPENAPI_INFO,
    // Relative by default: the document is served by (and describes) the firm endpoint it comes from.
    servers: [{ url: serverUrl ?? '/', description: 'The firm endpoint that serves this document' }],
    security: [{ [BEARER_SCHEME]: [] }],
  });
}
