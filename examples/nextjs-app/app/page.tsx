import { auth } from '@/auth'

export default async function HomePage() {
  const session = await auth()
  const email = session?.user?.email
  return (
    <>
      <h1>Auth.js on DynamoDB</h1>
      {email ? (
        <p>
          Signed in as <span data-testid="user-email">{email}</span>.
        </p>
      ) : (
        <p>
          You are not signed in. <a href="/signin">Sign in</a>
        </p>
      )}
    </>
  )
}
