/**
 * `npm run preview` asks in its terminal what Electron would ask in a dialog. While it waits, the
 * window would look stuck; this notice in the page says where the question is. It is added from
 * outside the app (like the web host's events), styled through the CSS object model, which the
 * page's Content-Security-Policy allows, in the app's own theme colours.
 */
import type { BrowserContext } from '@playwright/test';

const NOTICE_ID = 'preview-terminal-notice';

/** Shows `question` as waiting for an answer in the terminal, in every window of `context`; null removes it. */
export async function showTerminalNotice(context: BrowserContext, question: string | null): Promise<void> {
  await Promise.all(
    context.pages().map((page) =>
      page
        .evaluate(
          ([id, text]) => {
            document.getElementById(id)?.remove();
            if (text === null) return;
            const notice = document.createElement('div');
            notice.id = id;
            notice.setAttribute('role', 'status');
            const heading = document.createElement('strong');
            heading.textContent = 'Answer in the terminal that runs the preview';
            const detail = document.createElement('span');
            detail.textContent = text;
            Object.assign(heading.style, { display: 'block', marginBottom: '4px' });
            detail.style.whiteSpace = 'pre-line';
            Object.assign(notice.style, {
              position: 'fixed',
              left: '50%',
              bottom: '24px',
              transform: 'translateX(-50%)',
              zIndex: '2147483647',
              maxWidth: 'min(560px, calc(100vw - 48px))',
              padding: '12px 16px',
              borderRadius: 'var(--radius, 8px)',
              border: '1px solid var(--border-strong, #cbc5b8)',
              background: 'var(--warning-bg, #fdf3dc)',
              color: 'var(--text, #1c2128)',
              boxShadow: 'var(--shadow, none)',
              font: '14px/1.4 var(--font-ui, system-ui, sans-serif)',
            });
            notice.append(heading, detail);
            document.body.append(notice);
          },
          [NOTICE_ID, question] as const,
        )
        // A window closing while it is told is no reason to fail the question.
        .catch(() => undefined),
    ),
  );
}
