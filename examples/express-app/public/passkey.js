// Drives the passkey forms rendered by src/views/passkey-form.ts: fetch WebAuthn options from
// Auth.js, run the browser ceremony, then post the result to the Passkey provider's callback.
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
} from '/assets/simplewebauthn-browser.js'

async function run(form, action) {
  const response = await fetch(form.dataset.passkeyOptions, { credentials: 'same-origin' })
  if (!response.ok) {
    throw new Error(`Auth.js refused the passkey options request (HTTP ${response.status}).`)
  }
  const { options } = await response.json()
  const result =
    action === 'register' ? await startRegistration(options) : await startAuthentication(options)
  form.elements.namedItem('data').value = JSON.stringify(result)
  form.submit()
}

for (const button of document.querySelectorAll('[data-passkey-action]')) {
  const form = button.closest('form')
  const error = form.querySelector('[data-passkey-error]')
  if (!browserSupportsWebAuthn()) {
    button.disabled = true
    error.textContent = 'This browser does not support passkeys.'
    error.hidden = false
    continue
  }
  button.addEventListener('click', () => {
    error.hidden = true
    run(form, button.dataset.passkeyAction).catch((cause) => {
      error.textContent = cause instanceof Error ? cause.message : String(cause)
      error.hidden = false
    })
  })
}
