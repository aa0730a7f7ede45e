/**
 * Where an uploaded file is served: under the Direct Line endpoint of the conversation it was uploaded in
 * (bot/channels/directline/routes.ts serves this path; the link adds a token for that file). Complaints and
 * transcripts keep such links, so reading one back is how a stored complaint is known to refer to a file.
 */

const FILE_LINK_PATH = /^\/v3\/directline\/conversations\/([A-Za-z0-9_-]{8,64})\/files\/([A-Za-z0-9_-]{1,64})$/;

/** The path of a file's link, without the service's address and the token. */
export function filePath(conversationId: string, fileId: string): string {
  return `/v3/directline/conversations/${conversationId}/files/${fileId}`;
}

/** The uploaded file a link points at, whatever address and token it was written with; undefined for any other link. */
export function fileOfLink(url: string): { conversationId: string; fileId: string } | undefined {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const match = FILE_LINK_PATH.exec(pathname);
  return match ? { conversationId: match[1], fileId: match[2] } : undefined;
}
