import { externalLinkWarning, isAllowedExternalUrl } from '../../../electron/common/security';
import { api, messageOf } from '../lib/api';

/** Where a clicked link stands: the host is asking the person, it opened, they said no, or it cannot be opened. */
export type LinkOutcome = 'asking' | 'opened' | 'declined' | 'refused' | 'failed';

export interface LinkNotice {
  url: string;
  /** Said plainly for an http link: it is not encrypted. */
  warning: string | null;
  outcome: LinkOutcome;
  /** Why opening failed, for 'failed'. */
  reason: string;
  copy: 'idle' | 'copied' | 'failed';
}

/**
 * The link a person clicked (in a briefing, its header or a comment) and what became of it. Links
 * never navigate the window: a web link goes to the host's confirmation (Electron's dialog, the
 * preview's terminal) and then to the system browser; whatever the outcome, the notice shows the
 * address, warns about http, and offers to copy it. It goes when the view changes.
 */
class LinkNoticeState {
  current = $state<LinkNotice | null>(null);
  /** Identifies the notice an answer belongs to, so a late answer never updates a newer notice. */
  private serial = 0;

  async open(url: string): Promise<void> {
    const serial = ++this.serial;
    const allowed = isAllowedExternalUrl(url);
    this.current = { url, warning: externalLinkWarning(url), outcome: allowed ? 'asking' : 'refused', reason: '', copy: 'idle' };
    if (!allowed) return;
    try {
      const opened = await api.openExternal(url);
      this.settle(serial, { outcome: opened ? 'opened' : 'declined' });
    } catch (error) {
      this.settle(serial, { outcome: 'failed', reason: messageOf(error) });
    }
  }

  async copy(): Promise<void> {
    if (!this.current) return;
    const serial = this.serial;
    try {
      await navigator.clipboard.writeText(this.current.url);
      this.settle(serial, { copy: 'copied' });
    } catch {
      this.settle(serial, { copy: 'failed' });
    }
  }

  dismiss(): void {
    this.serial++;
    this.current = null;
  }

  private settle(serial: number, change: Partial<LinkNotice>): void {
    if (serial === this.serial && this.current) this.current = { ...this.current, ...change };
  }
}

export const linkNotice = new LinkNoticeState();
