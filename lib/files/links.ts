/**
 * Links to the files of the service's own file store: `<base>/v3/directline/conversations/<id>/files/<fileId>?t=
 * <file token>`, served under the Direct Line endpoint of the conversation the file was uploaded in
 * (bot/channels/directline/routes.ts). The upload route and officers' photo replies hand them out; complaints
 * and transcripts keep them, so reading one back is how a stored complaint is known to refer to a file, and how
 * a citizen's attachment is known to be one of ours (bot/channels/directline/fileLinks.ts).
 */

const FILE_LINK_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{8,64})\/files\/([A-Za-z0-9_-]{1,64})$/;

export interface FileOfLink {
  conversationId: string;
  fileId: string;
  /** The file token from the link's query, when it has one (checked by whoever opens the file). */
  token?: string;
}

/** The path of a file's link, without the service's address and the token. */
export function filePath(conversationId: string, fileId: string): string {
  return `/v3/directline/conversations/${conversationId}/files/${fileId}`;
}

/** The link to a stored file, with the token that opens it. */
export function fileLink(base: string, conversationId: string, fileId: string, token: string): string {
  return `${base}${filePath(conversationId, fileId)}?t=${encodeURIComponent(token)}`;
}

/** The uploaded file an http(s) link points at, whatever address it was written with; undefined for any other link. */
export function fileOfLink(url: string): FileOfLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const match = FILE_LINK_PATH.exec(parsed.pathname);
  if (!match) return undefined;
  const token = parsed.searchParams.get('t');
  return { conversationId: match[1], fileId: match[2], ...(token ? { token } : {}) };
}

/** The file a URL links to, when it is a link to the file route with a token; undefined for any other URL. */
export function parseFileLink(url: string): Required<FileOfLink> | undefined {
  const link = fileOfLink(url);
  return link?.token ? { conversationId: link.conversationId, fileId: link.fileId, token: link.token } : undefined;
}

/** Whether a URL links to a file of that conversation of the Direct Line channel. */
export function isFileLinkOf(url: string, conversationId: string): boolean {
  return parseFileLink(url)?.conversationId === conversationId;
}
