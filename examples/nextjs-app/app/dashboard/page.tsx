import { auth } from '@/auth'

// proxy.ts has already sent visitors without a session to sign-in.
export default async function DashboardPage() {
  const session = await auth()
  return (
    <>
      <h1>Dashboard</h1>
      <p>
        Only for signed-in users (checked by proxy.ts):{' '}
        <span data-testid="user-email">{session?.user?.email}</span>.
      </p>
    </>
  )
}
