// The app's only door to the server: the public GraphQL API, plus sign-in and sign-out.

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

/** One GraphQL operation; the first error becomes an ApiError carrying its sentence and code. */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const csrf = cookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  const response = await fetch("/graphql", {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
    credentials: "same-origin",
  });
  let payload: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    payload = await response.json();
  } catch {
    throw new ApiError(`the server answered ${response.status} without JSON`, undefined, response.status);
  }
  if (response.status === 401) onUnauthenticated();
  const error = payload.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code, response.status);
  return payload.data as T;
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
