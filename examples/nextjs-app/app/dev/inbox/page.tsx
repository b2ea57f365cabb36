import { notFound } from 'next/navigation'
import { devInbox, devInboxExposed } from '@/lib/dev-inbox'

export const dynamic = 'force-dynamic'

/** The sign-in emails the dev inbox holds, newest first. */
export default function DevInboxPage() {
  if (!devInboxExposed()) notFound()
  const messages = [...devInbox().messages()].reverse()
  return (
    <>
      <h1>Dev inbox</h1>
      {messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <ul>
          {messages.map((message) => (
            <li key={message.url} data-to={message.to}>
              {message.sentAt.toISOString()} to {message.to}: <a href={message.url}>Sign in</a>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
