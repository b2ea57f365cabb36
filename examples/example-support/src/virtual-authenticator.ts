import type { BrowserContext, CDPSession, Page } from 'playwright-core'

/** One credential held by the virtual authenticator, as Chrome DevTools Protocol reports it. */
export interface VirtualCredential {
  /** The credential id, base64. */
  credentialId: string
  isResidentCredential: boolean
  /** The signature counter: the value the authenticator put in its latest response. */
  signCount: number
}

/** A Chromium virtual authenticator attached to one page. */
export interface VirtualAuthenticator {
  /** Every credential the authenticator holds. */
  credentials(): Promise<VirtualCredential[]>
}

/**
 * Adds a platform passkey authenticator (CTAP2, internal transport, resident keys, user
 * verification that always succeeds) to the page through the Chrome DevTools Protocol's
 * `WebAuthn` domain, so `navigator.credentials` works without a person or a device.
 */
export async function addVirtualAuthenticator(
  context: BrowserContext,
  page: Page,
): Promise<VirtualAuthenticator> {
  const cdp: CDPSession = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  return {
    async credentials() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
      return credentials
    },
  }
}
