import type { EmailConfig } from '@auth/core/providers/email'
import type { Inbox } from './inbox.js'

/**
 * An Auth.js email (magic link) provider that delivers each sign-in link to an in-memory
 * {@link Inbox} instead of sending mail. Swap it for `Nodemailer` or `Resend` in production.
 *
 * @param inbox - where the links go
 * @returns the provider, with id `email`
 */
export function inboxEmailProvider(inbox: Inbox): EmailConfig {
  return {
    id: 'email',
    type: 'email',
    name: 'Email',
    maxAge: 24 * 60 * 60,
    sendVerificationRequest({ identifier, url }) {
      inbox.deliver({ to: identifier, url, sentAt: new Date() })
    },
  }
}
