import { html, type SafeHtml } from './html.js'

/** What {@link passkeyForm} renders. */
export interface PasskeyFormProps {
  /** `register` adds a passkey to the signed-in user; `authenticate` signs in with one. */
  action: 'register' | 'authenticate'
  /** The button's text. */
  label: string
  /** Auth.js's CSRF token. */
  csrfToken: string
  /** Where Auth.js sends the browser afterwards. */
  callbackUrl: string
  /** Auth.js's base path. */
  basePath: string
}

/**
 * A form that `/assets/passkey.js` drives: the button fetches WebAuthn options from Auth.js, runs
 * the browser ceremony, and posts the result to the Passkey provider's callback.
 */
export function passkeyForm(props: PasskeyFormProps): SafeHtml {
  return html`<form
    method="post"
    action="${props.basePath}/callback/passkey"
    data-passkey-options="${props.basePath}/webauthn-options/passkey?action=${props.action}"
  >
    <input type="hidden" name="action" value="${props.action}" />
    <input type="hidden" name="csrfToken" value="${props.csrfToken}" />
    <input type="hidden" name="callbackUrl" value="${props.callbackUrl}" />
    <input type="hidden" name="data" value="" />
    <button type="button" data-passkey-action="${props.action}">${props.label}</button>
    <p role="alert" data-passkey-error hidden></p>
  </form>`
}
