import { type FormEvent, useState } from 'react';
import { api } from './api';

/** The sign-in screen of a studio started with a token: the token is asked for once, then a cookie holds the session. */
export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.signIn(token);
      setToken('');
      onSignedIn();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <section className="sign-in">
      <h1>Sign in</h1>
      <p>This studio was started with a token. Enter it once; this browser stays signed in for the day.</p>
      <form onSubmit={submit}>
        <label>
          Token{' '}
          <input
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            required
          />
        </label>{' '}
        <button type="submit">Sign in</button>
      </form>
      <p role="alert">{error}</p>
    </section>
  );
}
