import type { Request } from 'restify';
import type { AuditLog } from '../../lib/audit';
import type { CentreDirectory, CentreSearch } from '../../lib/centres';
import type { ComplaintService } from '../../lib/complaints/service';
import type { ContentService } from '../../lib/content/service';
import type { FileStore } from '../../lib/files/fileStore';
import type { HandoffNotes } from '../../lib/handoff/notes';
import type { PublicAddress } from '../../lib/http/publicAddress';
import type { OfficerAccounts } from '../../lib/officers/accounts';
import type { SessionStore } from '../../lib/officers/sessions';
import type { Deliverer } from '../delivery';
import type { OfficerHub } from '../hub';
import type { HandoffService } from '../service';
import type { OfficerRouter } from './router';

export interface OfficerApiDependencies {
  accounts: OfficerAccounts;
  sessions: SessionStore;
  handoffs: HandoffService;
  notes: HandoffNotes;
  complaints: ComplaintService;
  content: ContentService;
  directory: CentreDirectory;
  /** The centre directory's matcher (names and codes, Thai or English), for the app's centre picker. */
  centreSearch: CentreSearch;
  files: FileStore;
  hub: OfficerHub;
  deliverer: Deliverer;
  audit: AuditLog;
  address: PublicAddress;
  /** A link to an uploaded file: for the officer making the request, or, given a conversation reference, for its citizen. */
  fileUrl: (req: Request, conversationId: string, fileId: string, citizen?: { channelId?: string; serviceUrl?: string }) => string;
  now?: () => number;
}

/** What every resource module of the officer API is given. */
export interface ResourceContext {
  deps: OfficerApiDependencies;
  router: OfficerRouter;
  now: () => number;
}
