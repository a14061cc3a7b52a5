import { ApiError, createEntropyClient } from '@entropy/client';

/** `''`: the page is served by the API itself at /demo; VITE_API_URL points a dev server elsewhere. */
export const API_URL: string = import.meta.env.VITE_API_URL ?? '';

/** Cookie session (HttpOnly, set by the sign-in redirect) + X-CSRF-Token on writes: no token in the page. */
export const api = createEntropyClient({ baseUrl: API_URL });

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/** A route this API build does not serve (an older server without webhooks or the event feed). */
export function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'ROUTE.NOT_FOUND';
}

export function signInUrl(): string {
  const back = `${window.location.origin}${import.meta.env.BASE_URL}`;
  return `${API_URL}/v1/auth/facebook?redirect=${encodeURIComponent(back)}`;
}
