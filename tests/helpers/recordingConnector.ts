import type { Activity, ResourceResponse } from 'botbuilder';
import type { ChannelConnector } from '../../bot/channels/connector';

/** A channel connector that keeps what the bot sent, for assertions. */
export class RecordingConnector implements ChannelConnector {
  readonly sent: Partial<Activity>[] = [];
  /** While set, sends fail with this error, as a channel that is down or refuses the conversation would. */
  failWith: Error | undefined;
  private nextId = 1;
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(readonly channelId = 'test') {}

  async send(activity: Partial<Activity>): Promise<ResourceResponse> {
    if (this.failWith) throw this.failWith;
    const id = String(this.nextId++);
    this.sent.push({ ...activity, id });
    this.waiters = this.waiters.filter((waiter) => {
      if (this.sent.length >= waiter.count) waiter.resolve();
      return this.sent.length < waiter.count;
    });
    return { id };
  }

  /** Texts sent to one conversation, in order. */
  textsFor(conversationId: string): string[] {
    return this.sent
      .filter((activity) => activity.conversation?.id === conversationId && activity.type === 'message')
      .map((activity) => activity.text ?? '');
  }

  async waitForCount(count: number, timeoutMs = 5000): Promise<void> {
    if (this.sent.length >= count) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} activities, got ${this.sent.length}`)), timeoutMs);
      this.waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }
}
