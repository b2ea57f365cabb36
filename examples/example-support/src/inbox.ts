/** One sign-in email, as the in-memory inbox keeps it. */
export interface InboxMessage {
  /** The address the email was sent to. */
  readonly to: string
  /** The magic link the email carries. */
  readonly url: string
  /** When the app handed the email to the inbox. */
  readonly sentAt: Date
}

/**
 * An in-memory stand-in for a mailbox: the email provider delivers sign-in links here instead of
 * sending mail, and `GET /dev/inbox` shows them. For development and tests only.
 */
export interface Inbox {
  /** Stores one message. */
  deliver(message: InboxMessage): void
  /** Every message, oldest first, optionally only those sent to `to`. */
  messages(to?: string): readonly InboxMessage[]
  /** The newest message sent to `to`, or `undefined` when there is none. */
  latest(to: string): InboxMessage | undefined
}

/** Creates an empty {@link Inbox}. */
export function createInbox(): Inbox {
  const stored: InboxMessage[] = []
  const messages = (to?: string) =>
    to === undefined ? [...stored] : stored.filter((message) => message.to === to)
  return {
    deliver(message) {
      stored.push(message)
    },
    messages,
    latest: (to) => messages(to).at(-1),
  }
}
