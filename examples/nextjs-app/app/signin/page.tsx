import { signInWithEmail } from '../actions'
import { PasskeyButton } from '../passkey-button'

const errorMessages: Record<string, string> = {
  Verification: 'That sign-in link has expired or was already used. Ask for a new one.',
  AccessDenied: 'Access denied.',
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = await searchParams
  // Auth.js's redirect callback only follows same-origin URLs, whatever is posted here.
  const callbackUrl = first(params.callbackUrl) ?? '/protected'
  const error = first(params.error)
  return (
    <>
      <h1>Sign in</h1>
      {error && <p role="alert">{errorMessages[error] ?? `Sign-in failed (${error}).`}</p>}
      <form action={signInWithEmail}>
        <input type="hidden" name="redirectTo" value={callbackUrl} />
        <label>
          Email <input type="email" name="email" required autoComplete="email webauthn" />
        </label>
        <button type="submit">Email me a sign-in link</button>
      </form>
      <PasskeyButton
        action="authenticate"
        label="Sign in with a passkey"
        redirectTo={callbackUrl}
      />
    </>
  )
}
