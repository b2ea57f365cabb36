import type { InboxMessage } from 'example-support/dev-inbox'
import { html } from './html.js'
import { layout } from './layout.js'

/**
 * The in-memory inbox, newest first (development and tests only).
 *
 * @param messages - the inbox's messages, oldest first
 */
export function inboxPage(messages: readonly InboxMessage[]): string {
  const rows = [...messages].reverse().map(
    (message) =>
      html`<li data-to="${message.to}">
          ${message.sentAt.toISOString()} to ${message.to}:
          <a href="${message.url}">Sign in</a>
        </li>`,
  )
  return layout(
    'Dev inbox',
    messages.length === 0 ? html`<p>No messages yet.</p>` : html`<ul>${rows}</ul>`,
  )
}
