/*
 * The Direct Line token for this browser's conversation, from the service. `fresh` asks for a new conversation
 * instead of the one the cookie brings back.
 */
const TOKEN_URL = '/api/directline/token';

/* A refusal carries the HTTP status and, when the service asks to wait (429), Retry-After in seconds. */
export async function requestToken(fresh) {
  const response = await fetch(TOKEN_URL, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fresh ? { fresh: true } : {}),
  });
  if (!response.ok) {
    const error = new Error('token request failed');
    error.status = response.status;
    error.retryAfter = Number(response.headers.get('retry-after')) || 0;
    throw error;
  }
  return response.json();
}
