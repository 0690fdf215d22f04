import { useState } from "preact/hooks";
import { signIn } from "../api";
import { navigate } from "../router";
import { useTitle } from "../util";

export function LoginPage({ next, onSignedIn }: { next: string; onSignedIn: () => void }) {
  useTitle("Sign in");
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(apiKey.trim() ? { apiKey: apiKey.trim() } : { username, password });
      onSignedIn();
      navigate(next, true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <h1>Sign in to Labbook</h1>
      <form onSubmit={submit} aria-describedby={error ? "login-error" : undefined}>
        <label>
          Username or email
          <input name="username" autoComplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <p class="muted">or</p>
        <label>
          API key
          <input name="apiKey" type="password" autoComplete="off" value={apiKey} onInput={(e) => setApiKey(e.currentTarget.value)} />
        </label>
        {error && (
          <p role="alert" id="login-error" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
