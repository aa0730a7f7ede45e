import type { TokenSigner } from '../../../lib/directline/tokens';
import type { FileStore } from '../../../lib/files/fileStore';
import { fileLink, parseFileLink } from '../../../lib/files/links';
import { HttpError } from '../../../lib/http/errors';

/**
 * Citizens' attachments on Direct Line, judged by the file links of lib/files/links.ts. A citizen's message may carry only such links to files of its
 * own conversation (routes.ts): anything else as an attachment could make an officer's browser load an address of
 * the citizen's choosing on the service's own origin — an officer API that writes "viewed" into the audit log in
 * the officer's name, for one. The officer app shows as images only links of this shape, judged by the same module
 * (handoff/web/src/logic/links.ts imports it).
 */

export { fileLink } from '../../../lib/files/links';

export { isFileLinkOf, parseFileLink } from '../../../lib/files/links';

/**
 * The attachments of a message a citizen posts: each must link to a file uploaded to this very conversation, with
 * a valid token for it, or the message is refused (400). The links are rebuilt on the service's own address, with
 * the stored file's type and name, so that nothing of the client's choosing but the file itself is kept.
 */
export async function ownFileAttachments(
  attachments: ReadonlyArray<{ contentUrl?: string }>,
  conversationId: string,
  base: string,
  deps: { signer: TokenSigner; files: FileStore },
): Promise<Array<{ contentType: string; contentUrl: string; name: string }>> {
  const checked = [];
  for (const [index, attachment] of attachments.entries()) {
    const link = attachment.contentUrl === undefined ? undefined : parseFileLink(attachment.contentUrl);
    const check = link?.conversationId === conversationId ? deps.signer.verify(link.token, 'file') : undefined;
    const valid = link && check?.ok && check.claims.conversationId === conversationId && check.claims.fileId === link.fileId;
    const file = valid ? await deps.files.info(link.fileId) : null;
    if (!link || !file || file.conversationId !== conversationId) {
      throw new HttpError(400, 'BadArgument', `attachments[${index}].contentUrl must be a link to a file uploaded to this conversation (POST /v3/directline/conversations/${conversationId}/upload)`);
    }
    checked.push({ contentType: file.contentType, contentUrl: fileLink(base, conversationId, file._id, link.token), name: file.name });
  }
  return checked;
}
