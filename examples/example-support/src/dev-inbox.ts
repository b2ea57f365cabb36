export { createInbox, type Inbox, type InboxMessage } from './inbox.js'
export { inboxEmailProvider } from './inbox-email-provider.js'
