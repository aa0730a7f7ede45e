import {
  conversationResponse,
  itemResponse,
  noteRequest,
  noteResponse,
  photoReplyFields,
  queueResponse,
  replyRequest,
  replyResponse,
  transferRequest,
} from '../../lib/contract/officer';
import { checkLink } from '../../lib/complaints/fields';
import { readJsonBody } from '../../lib/http/body';
import { quotaExceeded, readUpload } from '../../lib/http/upload';
import { keyOf } from '../conversationIds';
import type { ActionResult } from '../service';
import type { ResourceContext } from './context';
import { conflict, fromZod, invalid, notFound, officerError, unknownCentre } from './errors';
import { complaintInScope, complaintView, noteView } from './views';

const MAX_JSON_REPLY_BYTES = 32 * 1024;

/** Why an action on a conversation was refused, as the API's error. */
function refused(result: Extract<ActionResult<unknown>, { ok: false }>, centreCode?: string) {
  switch (result.reason) {
    case 'not-found':
      return notFound('conversation');
    case 'conflict':
      return conflict('already-claimed', 'Another officer acted on this conversation first');
    case 'not-yours':
      return conflict('not-yours', 'Claim the conversation before replying');
    case 'unknown-centre':
      return unknownCentre('centreCode', centreCode ? [centreCode] : []);
  }
}

/** The queue and conversations: the history with internal notes, claim, reply, note, transfer, close. */
export function conversationRoutes({ deps, router }: ResourceContext): void {
  router.route({
    method: 'get',
    path: '/queue',
    access: 'officer',
    response: queueResponse,
    handle: async ({ caller }) => ({ items: await deps.handoffs.queue(caller.scope) }),
  });

  router.route({
    method: 'get',
    path: '/conversations/:id',
    access: 'officer',
    response: conversationResponse,
    handle: async ({ req, caller, params }) => {
      const found = await deps.handoffs.conversation(params.id, caller.scope);
      if (!found) throw notFound('conversation');
      const complaint = found.handoff.complaintId ? await deps.complaints.get(found.handoff.complaintId) : undefined;
      const shown = complaint && complaintInScope(complaint, caller.scope) ? complaint : undefined;
      // Reading a conversation (and the complaint beside it) is reading personal data: it is logged like an action.
      await deps.audit.record(caller.officer._id, 'handoff.view', found.handoff._id, shown ? { complaint: shown._id } : undefined);
      const notes = await deps.notes.list(found.handoff._id);
      return {
        item: found.item,
        messages: found.messages,
        notes: await Promise.all(notes.map(async (note) => noteView(note, await deps.accounts.displayName(note.officerId)))),
        ...(shown ? { complaint: complaintView(shown, req, deps) } : {}),
      };
    },
  });

  router.route({
    method: 'post',
    path: '/conversations/:id/claim',
    access: 'officer',
    response: itemResponse,
    handle: async ({ caller, params }) => {
      const result = await deps.handoffs.claim(caller.officer, params.id, caller.scope);
      if (!result.ok) throw refused(result);
      return { item: result.value };
    },
  });

  router.route({
    method: 'post',
    path: '/conversations/:id/messages',
    access: 'officer',
    response: replyResponse,
    handle: async ({ req, caller, params }) => {
      const key = keyOf(params.id);
      if (!key) throw notFound('conversation');
      // Before the body is read: a photo for a conversation outside the officer's scope, or not theirs, is never stored.
      const allowed = await deps.handoffs.mayReply(caller.officer, params.id, caller.scope);
      if (!allowed.ok) throw refused(allowed);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      let replyText: string | undefined;
      const attachments: Array<{ contentType: string; url?: string; name?: string }> = [];
      if (type.startsWith('multipart/form-data') || type.startsWith('image/')) {
        const upload = await readUpload(req);
        // The officer app sends the caption as a `text` field; an API client may use an `activity` part as Direct Line does.
        const caption = photoReplyFields.safeParse({ text: upload.text ?? ((upload.activity ?? {}) as { text?: unknown }).text });
        if (!caption.success) throw fromZod(caption.error);
        replyText = caption.data.text;
        const conversationId = key.slice(key.indexOf('/') + 1);
        // An officer's photo counts against the overall quota, not the citizen's quota of the conversation.
        const saved = await deps.files.saveAll(conversationId, upload.files.slice(0, 1), 'officer');
        if (!saved.ok) throw quotaExceeded(saved.refusal);
        for (const stored of saved.files) {
          attachments.push({ contentType: stored.contentType, url: deps.fileUrl(req, conversationId, stored._id, allowed.value.conversation), name: stored.name });
        }
      } else {
        if (!type.startsWith('application/json')) throw officerError(415, 'unsupported-media-type', 'Send JSON, or an image as multipart/form-data');
        const parsed = replyRequest.safeParse(await readJsonBody(req, MAX_JSON_REPLY_BYTES));
        if (!parsed.success) throw fromZod(parsed.error);
        replyText = parsed.data.text;
        if (parsed.data.link !== undefined) {
          const link = checkLink(parsed.data.link);
          if (!link.ok) throw invalid('link', 'format', 'link must be an http(s) URL');
          replyText = replyText ? `${replyText}\n${link.url}` : link.url;
        }
      }
      if (!replyText && attachments.length === 0) throw invalid('text', 'required', 'A reply needs text, a link or an image');
      const result = await deps.handoffs.reply(caller.officer, params.id, caller.scope, { ...(replyText ? { text: replyText } : {}), attachments });
      if (!result.ok) throw refused(result);
      return { message: result.value };
    },
  });

  router.route({
    method: 'post',
    path: '/conversations/:id/notes',
    access: 'officer',
    body: noteRequest,
    response: noteResponse,
    status: 201,
    handle: async ({ caller, params, body }) => {
      const found = await deps.handoffs.conversation(params.id, caller.scope);
      if (!found) throw notFound('conversation');
      const note = noteView(await deps.notes.add({ conversationKey: found.handoff._id, officerId: caller.officer._id, text: body.text }), caller.officer.displayName);
      await deps.audit.record(caller.officer._id, 'handoff.note', found.handoff._id);
      deps.hub.publish(found.handoff.centreCode, { type: 'note', id: params.id, note: { ...note } });
      return { note };
    },
  });

  router.route({
    method: 'post',
    path: '/conversations/:id/transfer',
    access: 'officer',
    body: transferRequest,
    response: itemResponse,
    handle: async ({ caller, params, body }) => {
      if (!deps.directory.centre(body.centreCode)) throw unknownCentre('centreCode', [body.centreCode]);
      const result = await deps.handoffs.transfer(caller.officer, params.id, caller.scope, body.centreCode, body.note);
      if (!result.ok) throw refused(result, body.centreCode);
      const key = keyOf(params.id);
      const from = result.value.transferNote?.from;
      if (body.note && key && from) {
        // Kept with the conversation's notes too, so the history says why it moved long after the next transfer.
        const note = noteView(await deps.notes.add({ conversationKey: key, officerId: caller.officer._id, text: body.note, transfer: { from, to: body.centreCode } }), caller.officer.displayName);
        deps.hub.publish(body.centreCode, { type: 'note', id: params.id, note: { ...note } });
      }
      return { item: result.value };
    },
  });

  router.route({
    method: 'post',
    path: '/conversations/:id/close',
    access: 'officer',
    response: itemResponse,
    handle: async ({ caller, params }) => {
      const result = await deps.handoffs.close(caller.officer, params.id, caller.scope);
      if (!result.ok) throw refused(result);
      return { item: result.value };
    },
  });
}
