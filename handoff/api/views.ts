import type { Request } from 'restify';
import type { Complaint, ComplaintSummary, Note, OfficerView, Scope, SessionResponse } from '../../lib/contract/officer';
import type { ComplaintDocument } from '../../lib/complaints/types';
import { conversationKey } from '../../lib/conversationKey';
import { fileOfLink } from '../../lib/files/links';
import type { NoteDocument } from '../../lib/handoff/notes';
import { type Officer, scopeOf } from '../../lib/officers/accounts';
import type { Session } from '../../lib/officers/sessions';
import { linkAllowed } from '../attachments';
import type { OfficerApiDependencies } from './context';

/** The officer API's answers built from the service's documents, typed by the contract. */

export function officerView(officer: Officer): OfficerView {
  return {
    id: officer._id,
    username: officer.username,
    displayName: officer.displayName,
    role: officer.role,
    centres: officer.centres,
    mustChangePassword: officer.mustChangePassword,
    disabled: officer.disabled,
    ...(officer.politeEnding ? { politeEnding: officer.politeEnding } : {}),
  };
}

export function sessionView(officer: Officer, session: Session, deps: Pick<OfficerApiDependencies, 'directory'>): SessionResponse {
  const scope = scopeOf(officer, deps.directory);
  return { officer: officerView(officer), csrfToken: session.csrfToken, scope: scope === 'all' ? 'all' : [...scope] };
}

export function complaintInScope(complaint: ComplaintDocument, scope: Scope | readonly string[]): boolean {
  return scope === 'all' || (complaint.destination.kind === 'centre' && scope.includes(complaint.destination.code));
}

export function complaintSummary(complaint: ComplaintDocument): ComplaintSummary {
  return { number: complaint._id, subject: complaint.subject };
}

export function noteView(note: NoteDocument, officerName: string | undefined): Note {
  return {
    id: note._id,
    at: note.at,
    officerId: note.officerId,
    ...(officerName ? { officerName } : {}),
    text: note.text,
    ...(note.transfer ? { transfer: note.transfer } : {}),
  };
}

export function complaintView(complaint: ComplaintDocument, req: Request, deps: Pick<OfficerApiDependencies, 'content' | 'directory' | 'fileUrl'>): Complaint {
  const category = deps.content.category(complaint.categoryId);
  const destinationName = (lang: 'th' | 'en') => {
    try {
      return deps.directory.describeDestination(complaint.destination, lang);
    } catch {
      return complaint.destination.code;
    }
  };
  return {
    number: complaint._id,
    status: complaint.status,
    categoryId: complaint.categoryId,
    category: category ? { th: category.label.th, en: category.label.en } : { th: complaint.categoryId, en: complaint.categoryId },
    destination: { ...complaint.destination, name: { th: destinationName('th'), en: destinationName('en') } },
    subject: complaint.subject,
    description: complaint.description,
    // A photo's link is the same citizen input a message's is (handoff/attachments.ts), and the photo is kept as
    // long as its complaint (lib/files/retention.ts), longer than the token in its stored link: a fresh one is made.
    attachments: complaint.attachments.map((attachment) => {
      if (attachment.kind !== 'image') return attachment;
      if (!linkAllowed(conversationKey(complaint.conversation), attachment.url)) return { kind: attachment.kind, contentType: attachment.contentType, ...(attachment.name ? { name: attachment.name } : {}) };
      const file = fileOfLink(attachment.url);
      return file ? { ...attachment, url: deps.fileUrl(req, file.conversationId, file.fileId) } : attachment;
    }),
    incident: {
      place: complaint.incident.place,
      ...(complaint.incident.date !== undefined ? { date: complaint.incident.date } : {}),
      ...(complaint.incident.time !== undefined ? { time: complaint.incident.time } : {}),
      ...(complaint.incident.approximate !== undefined ? { approximate: complaint.incident.approximate } : {}),
      ...(complaint.incident.precision !== undefined ? { precision: complaint.incident.precision } : {}),
      ...(complaint.incident.said !== undefined ? { said: complaint.incident.said } : {}),
    },
    contact: complaint.contact.anonymous
      ? { anonymous: true }
      : {
          anonymous: false,
          name: complaint.contact.name,
          phone: complaint.contact.phone,
          ...(complaint.contact.email ? { email: complaint.contact.email } : {}),
          ...(complaint.contact.nationalIdMasked ? { nationalIdMasked: complaint.contact.nationalIdMasked } : {}),
        },
    lang: complaint.lang,
    createdAt: complaint.createdAt,
    updatedAt: complaint.updatedAt,
    timeline: complaint.timeline.map(({ at, status, note, by }) => ({ at, status, ...(note ? { note: { th: note.th, en: note.en } } : {}), by })),
  };
}
