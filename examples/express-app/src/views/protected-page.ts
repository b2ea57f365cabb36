import { html } from './html.js'
import { layout } from './layout.js'
import { passkeyForm } from './passkey-form.js'

/** What {@link protectedPage} renders. */
export interface ProtectedPageProps {
  email: string
  /** How many passkeys the user has registered. */
  passkeys: number
  csrfToken: string
  /** Auth.js's base path. */
  basePath: string
}

/** The page only a signed-in user sees: their email, passkey registration and sign-out. */
export function protectedPage(props: ProtectedPageProps): string {
  return layout(
    'Protected page',
    html`<p>Signed in as <strong data-testid="user-email">${props.email}</strong>.</p>
      <p>Passkeys registered: <span data-testid="passkey-count">${props.passkeys}</span></p>
      ${passkeyForm({
        action: 'register',
        label: 'Register a passkey',
        csrfToken: props.csrfToken,
        callbackUrl: '/protected',
        basePath: props.basePath,
      })}
      <form method="post" action="${props.basePath}/signout">
        <input type="hidden" name="csrfToken" value="${props.csrfToken}" />
        <input type="hidden" name="callbackUrl" value="/" />
        <button type="submit">Sign out</button>
      </form>`,
    ['/assets/passkey.js'],
  )
}
