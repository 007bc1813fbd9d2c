/** The explorer's one way to the GraphQL API (POST /graphql, same origin). */

/** The API answered with GraphQL errors: the message joins theirs, `code` is the first one's extensions.code. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

interface Answer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one operation; resolves to `data`, typed as the caller says the document selects it
 * (queries.ts), or throws an Error carrying the API's message.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new Error(`Could not reach the API: ${error instanceof Error ? error.message : String(error)}`);
  }
  let body: Answer<T> | null = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: reported by status below
  }
  if (body && Array.isArray(body.errors) && body.errors.length) {
    const message = `The API refused the request: ${body.errors.map((e) => e.message).join('; ')}`;
    throw new ApiError(message, body.errors[0]?.extensions?.code ?? null);
  }
  if (!response.ok || !body?.data) {
    throw new Error(`The API answered ${response.status} ${response.statusText}`.trim());
  }
  return body.data;
}
