/** The opaque id of a conversation in URLs: its key is `channel/conversationId`, with characters URLs dislike. */
export function idOf(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function keyOf(id: string): string | undefined {
  if (!/^[A-Za-z0-9_-]{4,400}$/.test(id)) return undefined;
  return Buffer.from(id, 'base64url').toString('utf8');
}
