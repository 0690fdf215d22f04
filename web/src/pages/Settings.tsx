import { useState } from "preact/hooks";
import { changePassword } from "../api";
import { ACCESS_WORDS, apiKeys, createTeam, deleteApiKey, entityDefaults, entityNames, generateApiKey, setDefaultEntity, updateEntity, type Viewer } from "../ops";
import { Failure, Link, Show, useAction, useLoad, useTitle, when } from "../util";

export function SettingsPage({ viewer, refreshViewer }: { viewer: Viewer; refreshViewer: () => void }) {
  useTitle("Settings");
  const [keys, reloadKeys] = useLoad(apiKeys, []);
  const [act, error, busy] = useAction();
  const [description, setDescription] = useState("");
  const [newKey, setNewKey] = useState<string | null>(null);
  const [teamName, setTeamName] = useState("");
  const names = entityNames(viewer);
  const teams = names.slice(1);

  return (
    <>
      <h1>Settings</h1>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl class="facts">
          <dt>Username</dt>
          <dd>{viewer.username}</dd>
          <dt>Email</dt>
          <dd>{viewer.email ?? ""}</dd>
          <dt>Default entity</dt>
          <dd data-testid="default-entity">{viewer.defaultEntity?.name ?? viewer.username}</dd>
        </dl>
        <label>
          Change default entity{" "}
          <select
            value={viewer.defaultEntity?.name ?? viewer.username}
            disabled={busy}
            onChange={(e) => act(() => setDefaultEntity(e.currentTarget.value)).then((ok) => ok && refreshViewer())}
          >
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">New runs go to the default entity when the client names none.</p>
      </section>

      <PasswordForm />
      <ProjectDefaults username={viewer.username} />

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">Teams</h2>
        {teams.length === 0 ? (
          <p class="muted">You belong to no team.</p>
        ) : (
          <ul>
            {teams.map((t) => (
              <li key={t}>
                <Link href={`/${t}`}>{t}</Link> · <Link href={`/teams/${t}`}>Team settings</Link>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(() => createTeam(teamName.trim())).then((ok) => ok && (setTeamName(""), refreshViewer()));
          }}
        >
          <label>
            New team name <input value={teamName} onInput={(e) => setTeamName(e.currentTarget.value)} />
          </label>{" "}
          <button type="submit" disabled={busy || !teamName.trim()}>
            Create team
          </button>
        </form>
      </section>

      <section aria-labelledby="keys-heading">
        <h2 id="keys-heading">API keys</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act(async () => {
              setNewKey(await generateApiKey(description.trim() || "created in the web app"));
              setDescription("");
              reloadKeys();
            });
          }}
        >
          <label>
            Key description <input value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
          </label>{" "}
          <button type="submit" disabled={busy}>
            New API key
          </button>
        </form>
        {newKey && (
          <p role="status" class="secret">
            Your new key, shown this once: <code>{newKey}</code>
          </p>
        )}
        <Show loaded={keys}>
          {(list) => (
            <table aria-label="API keys">
              <thead>
                <tr>
                  <th scope="col">Key</th>
                  <th scope="col">Description</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.filter((k) => !k.revoked).map((k) => (
                  <tr key={k.id}>
                    <td>
                      <code>{k.name}…</code>
                    </td>
                    <td>{k.description ?? ""}</td>
                    <td>{when(k.createdAt)}</td>
                    <td>{when(k.lastUsedAt) || "never"}</td>
                    <td>
                      <button type="button" disabled={busy} aria-label={`Revoke key ${k.name}`}
                        onClick={() => confirm("Revoke this key? Clients using it stop working.") && act(() => deleteApiKey(k.id)).then(reloadKeys)}>
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Show>
      </section>
      {error && <Failure error={error} />}
    </>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [done, setDone] = useState(false);
  const [act, error, busy] = useAction();
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">Password</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          act(() => changePassword(current, next)).then((ok) => ok && (setCurrent(""), setNext(""), setDone(true)));
        }}
      >
        <label>
          Current password <input type="password" autoComplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </label>{" "}
        <label>
          New password <input type="password" autoComplete="new-password" minLength={8} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
        </label>{" "}
        <button type="submit" disabled={busy || next.length === 0}>
          Change password
        </button>
      </form>
      {done && (
        <p role="status" class="ok">
          Password changed; your other browsers were signed out.
        </p>
      )}
      {error && <Failure error={error} />}
    </section>
  );
}

function ProjectDefaults({ username }: { username: string }) {
  const [loaded, reload] = useLoad(() => entityDefaults(username), [username]);
  const [act, error, busy] = useAction();
  const change = (input: Record<string, unknown>) => act(() => updateEntity({ entity: username, ...input })).then((ok) => ok && reload());
  return (
    <section aria-labelledby="defaults-heading">
      <h2 id="defaults-heading">Your project defaults</h2>
      <Show loaded={loaded}>
        {(defaults) => (
          <>
            <label>
              Default privacy of your new projects{" "}
              <select value={defaults.defaultAccess} disabled={busy} onChange={(e) => change({ defaultAccess: e.currentTarget.value })}>
                {Object.entries(ACCESS_WORDS).map(([value, word]) => (
                  <option key={value} value={value}>
                    {word}
                  </option>
                ))}
              </select>
            </label>
            <label class="inline">
              <input type="checkbox" checked={defaults.codeSavingEnabled} disabled={busy} onChange={(e) => change({ codeSavingEnabled: e.currentTarget.checked })} />
              Save code and git diffs of your runs
            </label>
          </>
        )}
      </Show>
      {error && <Failure error={error} />}
    </section>
  );
}
