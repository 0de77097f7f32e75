/** The HTTP methods the parser knows (any case) and completion offers; GRAPHQL sends a GraphQL query as POST. */
export const HTTP_METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'CONNECT', 'GRAPHQL'];
