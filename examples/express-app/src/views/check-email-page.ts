import { html } from './html.js'
import { layout } from './layout.js'

/**
 * Where Auth.js sends the browser after it "mailed" a sign-in link.
 *
 * @param inboxEnabled - whether to link the in-memory inbox (development and tests only)
 */
export function checkEmailPage(inboxEnabled: boolean): string {
  return layout(
    'Check your email',
    html`<p>A sign-in link is on its way.</p>
      ${inboxEnabled ? html`<p>No mail is sent here: open the <a href="/dev/inbox">dev inbox</a>.</p>` : ''}`,
  )
}
