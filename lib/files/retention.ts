import type { UploadLimits } from '../config';
import type { Store } from '../store/types';
import type { FileStore, StoredFile } from './fileStore';
import { fileOfLink } from './links';

/**
 * Deletes uploaded files when they are no longer needed (PDPA: keep personal data only as long as its purpose).
 * A photo that no filed complaint refers to (sent while chatting, to an officer, or in a complaint never filed)
 * goes `retentionDays` after it was uploaded. A photo a complaint refers to is kept with it, until the complaint
 * has not changed for `complaintRetentionDays`. Whether a complaint refers to a file is read from the complaint
 * itself, once, when the file's short retention is over: its attachments keep the file's link (lib/files/links.ts),
 * and complaints are found by the conversation they were filed in, where their photos were uploaded.
 *
 * Run by the service's background jobs; each run also finishes uploads and deletions a crash cut short, sets the
 * overall usage count back to what is stored, and has the store give the freed space back.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** An upload still 'writing' after this long was cut short by a crash. */
const UNFINISHED_AFTER_MS = 60 * 60 * 1000;
const BATCH = 100;

/** What the purge needs to know about complaints: which refer to a file, and when each last changed. */
export interface FiledComplaints {
  /** Complaints filed in a conversation, with their attachments and their last change. */
  filedIn(conversationId: string): Promise<Array<{ _id: string; attachments: ReadonlyArray<{ url: string }>; updatedAt: number }>>;
  /** A complaint's last change; undefined when it does not exist. */
  lastChange(complaintId: string): Promise<number | undefined>;
}

export interface PurgeOutcome {
  /** Files deleted, and their bytes. */
  deleted: number;
  bytes: number;
  /** Files found to belong to a complaint in this run, kept with it. */
  keptWithComplaints: number;
  /** Bytes of uploaded files still kept, after the run. */
  keptBytes: number;
}

export interface FileRetentionDependencies {
  files: FileStore;
  complaints: FiledComplaints;
  store: Pick<Store, 'reclaimSpace'>;
  limits: Pick<UploadLimits, 'retentionDays' | 'complaintRetentionDays'>;
  now?: () => number;
}

export class FileRetention {
  private readonly now: () => number;

  constructor(private readonly deps: FileRetentionDependencies) {
    this.now = deps.now ?? Date.now;
  }

  async purge(): Promise<PurgeOutcome> {
    const { files, limits } = this.deps;
    const now = this.now();
    const outcome: PurgeOutcome = { deleted: 0, bytes: 0, keptWithComplaints: 0, keptBytes: 0 };
    const remove = async (file: StoredFile) => {
      await files.delete(file);
      outcome.deleted += 1;
      outcome.bytes += file.size;
    };

    for (let batch = await files.unfinished(now - UNFINISHED_AFTER_MS, BATCH); batch.length > 0; batch = await files.unfinished(now - UNFINISHED_AFTER_MS, BATCH)) {
      for (const file of batch) await remove(file);
    }

    // Each file of a batch is deleted or kept with a complaint, and so leaves the query: the loop ends.
    const shortCutoff = now - limits.retentionDays * DAY_MS;
    for (let batch = await files.unattachedBefore(shortCutoff, BATCH); batch.length > 0; batch = await files.unattachedBefore(shortCutoff, BATCH)) {
      const complaintsOf = new Map<string, Awaited<ReturnType<FiledComplaints['filedIn']>>>();
      for (const file of batch) {
        let filed = complaintsOf.get(file.conversationId);
        if (!filed) {
          filed = await this.deps.complaints.filedIn(file.conversationId);
          complaintsOf.set(file.conversationId, filed);
        }
        const referring = filed.filter((complaint) => complaint.attachments.some((attachment) => fileOfLink(attachment.url)?.fileId === file._id));
        if (referring.length === 0) {
          await remove(file);
          continue;
        }
        const latest = referring.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
        await files.keepWith(file._id, latest._id, latest.updatedAt);
        outcome.keptWithComplaints += 1;
      }
    }

    // A file leaves this query too: deleted, or looked at again once its complaint has been still long enough.
    const longCutoff = now - limits.complaintRetentionDays * DAY_MS;
    for (let batch = await files.keptBefore(longCutoff, BATCH); batch.length > 0; batch = await files.keptBefore(longCutoff, BATCH)) {
      for (const file of batch) {
        const changed = file.complaintId === undefined ? undefined : await this.deps.complaints.lastChange(file.complaintId);
        if (changed === undefined || changed <= longCutoff) await remove(file);
        else await files.keepWith(file._id, file.complaintId as string, changed);
      }
    }

    outcome.keptBytes = await files.reconcileUsage();
    if (outcome.deleted > 0) await this.deps.store.reclaimSpace();
    return outcome;
  }
}
