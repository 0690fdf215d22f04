// The app's only door to the server: the public GraphQL API, plus sign-in and sign-out.

import type { TypedDocumentString } from "./gql/graphql";

export class ApiError extends Error {
  constructor(message: string, readonly code: string | undefined, readonly status: number) {
    super(message);
  }
}

export const CSRF_COOKIE = "labbook_csrf";
export const CSRF_HEADER = "X-Labbook-CSRF";

function cookie(name: string): string | undefined {
  const prefix = name + "=";
  return document.cookie
    .split("; ")
    .find((c) => c.startsWith(prefix))
    ?.slice(prefix.length);
}

type Unauthenticated = () => void;
let onUnauthenticated: Unauthenticated = () => {};
export function whenSignedOut(handler: Unauthenticated): void {
  onUnauthenticated = handler;
}

/** Variables of an operation: optional when it declares none. */
type VariablesOf<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * One GraphQL operation; the first error becomes an ApiError carrying its sentence and code.
 * Operations are `graphql(...)` documents (src/gql/, generated from schema.graphql by `npm run
 * codegen`): the result and the variables are typed by the operation's own text. A plain string is
 * still taken (typed by the caller); written as a template literal in `gql(`...`)` it is validated by
 * codegen as well.
 */
export function gql<R, V>(query: TypedDocumentString<R, V>, ...variables: VariablesOf<V>): Promise<R>;
export function gql<R>(query: string, variables?: Record<string, unknown>): Promise<R>;
export async function gql<R>(query: string | TypedDocumentString<R, unknown>, variables: unknown = {}): Promise<R> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const csrf = cookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  const response = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query: query.toString(), variables: variables ?? {} }),
    credentials: "same-origin",
  });
  let payload: { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    payload = await response.json();
  } catch {
    throw new ApiError(`the server answered ${response.status} without JSON`, undefined, response.status);
  }
  if (response.status === 401) onUnauthenticated();
  const error = payload.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code, response.status);
  return payload.data as R;
}

async function post(path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const csrf = cookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  return fetch(path, { method: "POST", headers, body: JSON.stringify(body), credentials: "same-origin" });
}

export type Credentials = { username: string; password: string } | { apiKey: string };

export async function signIn(credentials: Credentials): Promise<string> {
  const response = await post("/login", credentials);
  const payload = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError(payload.errors?.[0]?.message ?? `sign-in failed (${response.status})`, undefined, response.status);
  }
  return payload.username as string;
}

export async function signOut(): Promise<void> {
  await post("/logout", {});
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  const response = await post("/password", { currentPassword, newPassword });
  if (!response.ok) {
    const payload = await response.json().catch(() => ({}));
    throw new ApiError(payload.errors?.[0]?.message ?? `the password was not changed (${response.status})`, undefined, response.status);
  }
}
