'use client'

import { signIn } from 'next-auth/webauthn'
import { useState } from 'react'

/** Runs a passkey ceremony in the browser: sign in with one, or register one for the signed-in user. */
export function PasskeyButton(props: {
  action: 'authenticate' | 'register'
  label: string
  redirectTo?: string
}) {
  const [error, setError] = useState<string>()
  const onClick = () => {
    setError(undefined)
    const options =
      props.action === 'register'
        ? { action: 'register' as const }
        : props.redirectTo === undefined
          ? {}
          : { redirectTo: props.redirectTo }
    signIn('passkey', options).catch((cause: unknown) => {
      setError(cause instanceof Error ? cause.message : String(cause))
    })
  }
  return (
    <p>
      <button type="button" onClick={onClick}>
        {props.label}
      </button>
      {error && <span role="alert">{error}</span>}
    </p>
  )
}
