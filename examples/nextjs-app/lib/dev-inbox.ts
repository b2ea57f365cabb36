import { createInbox, type Inbox, inboxEmailProvider } from 'example-support/dev-inbox'

const inboxKey = Symbol.for('nextjs-app.dev-inbox')

/**
 * The server's one in-memory inbox. Kept on `globalThis` because Next.js bundles the Auth.js
 * route handler and each page separately, and a module-level value would exist once per bundle.
 */
export function devInbox(): Inbox {
  const holder = globalThis as { [inboxKey]?: Inbox }
  holder[inboxKey] ??= createInbox()
  return holder[inboxKey]
}

/** The email (magic link) provider: "sends" each link to {@link devInbox}. */
export function devInboxEmailProvider() {
  return inboxEmailProvider(devInbox())
}

/**
 * Whether `/dev/inbox` shows the links: in `next dev`, or with `DEV_INBOX=on` (the tests, on
 * `next start`). Never in a real deployment, where anyone could read them.
 */
export function devInboxExposed(): boolean {
  return process.env.NODE_ENV === 'development' || process.env.DEV_INBOX === 'on'
}
