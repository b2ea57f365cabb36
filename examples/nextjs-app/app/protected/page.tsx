import { redirect } from 'next/navigation'
import { auth, getAdapter } from '@/auth'
import { signOutEverywhere } from '../actions'
import { PasskeyButton } from '../passkey-button'

export default async function ProtectedPage() {
  const session = await auth()
  const user = session?.user
  if (!user?.id || !user.email) redirect('/signin?callbackUrl=/protected')
  const passkeys = await getAdapter().listAuthenticatorsByUserId(user.id)
  return (
    <>
      <h1>Protected</h1>
      <p>
        Signed in as <span data-testid="user-email">{user.email}</span>, with{' '}
        <span data-testid="passkey-count">{passkeys.length}</span> passkey(s).
      </p>
      <PasskeyButton action="register" label="Register a passkey" />
      <form action={signOutEverywhere}>
        <button type="submit">Sign out</button>
      </form>
    </>
  )
}
