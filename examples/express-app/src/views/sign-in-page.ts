import { html } from './html.js'
import { layout } from './layout.js'
import { passkeyForm } from './passkey-form.js'

/** What {@link signInPage} renders. */
export interface SignInPageProps {
  csrfToken: string
  /** Where to go once signed in. */
  callbackUrl: string
  /** Auth.js's base path. */
  basePath: string
  /** The error code Auth.js redirected with, if any (`Verification`, `AccessDenied`...). */
  error?: string | undefined
}

const errorMessages: Record<string, string> = {
  Verification: 'That sign-in link has expired or was already used. Ask for a new one.',
  AccessDenied: 'Access denied.',
  SessionRequired: 'Please sign in to see that page.',
}

/** The sign-in page: an email form for a magic link, and a passkey button. */
export function signInPage(props: SignInPageProps): string {
  const message =
    props.error === undefined
      ? undefined
      : (errorMessages[props.error] ?? `Sign-in failed (${props.error}).`)
  return layout(
    'Sign in',
    html`${message === undefined ? '' : html`<p role="alert">${message}</p>`}
      <form method="post" action="${props.basePath}/signin/email">
        <input type="hidden" name="csrfToken" value="${props.csrfToken}" />
        <input type="hidden" name="callbackUrl" value="${props.callbackUrl}" />
        <label>Email <input type="email" name="email" required autocomplete="email" /></label>
        <button type="submit">Email me a sign-in link</button>
      </form>
      ${passkeyForm({
        action: 'authenticate',
        label: 'Sign in with a passkey',
        csrfToken: props.csrfToken,
        callbackUrl: props.callbackUrl,
        basePath: props.basePath,
      })}`,
    ['/assets/passkey.js'],
  )
}
