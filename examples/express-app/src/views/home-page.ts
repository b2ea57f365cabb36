import { html } from './html.js'
import { layout } from './layout.js'

/**
 * The home page: who is signed in, and where to go next.
 *
 * @param email - the signed-in user's email, or `undefined` when signed out
 */
export function homePage(email: string | undefined): string {
  const body =
    email === undefined
      ? html`<p>You are not signed in.</p>
          <p><a href="/signin">Sign in</a> with an email link or a passkey.</p>`
      : html`<p>Signed in as <strong>${email}</strong>.</p>
          <p><a href="/protected">Go to the protected page</a></p>`
  return layout('Auth.js on DynamoDB', body)
}
