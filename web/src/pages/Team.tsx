import { useState } from "preact/hooks";
import {
  ACCESS_WORDS, auditEvents, createInvite, createServiceAccount, deleteInvite, setProjectAccess, team, updateEntity, updateMember,
  type TeamPage as Team,
} from "../ops";
import { projectPath } from "../router";
import { Failure, Link, Show, useAction, useLoad, useTitle, when } from "../util";

const ROLES = ["ADMIN", "MEMBER", "VIEWER"];
const ACCESS = ["PRIVATE", "RESTRICTED", "USER_READ", "USER_WRITE"];

export function TeamPage({ name }: { name: string }) {
  useTitle(`${name} · Team settings`);
  const [loaded, reload] = useLoad(() => team(name).then((t) => (t && t.isTeam && t.viewerRole ? t : null)), [name]);
  return <Show loaded={loaded}>{(t) => <TeamSettings team={t} reload={reload} />}</Show>;
}

function TeamSettings({ team: t, reload }: { team: Team; reload: () => void }) {
  const [act, error, busy] = useAction();
  const admin = t.viewerCanAdminister;
  const change = (work: () => Promise<unknown>) => act(work).then((ok) => ok && reload());
  const members = t.members.filter((m) => !m.pending);
  const pending = t.members.filter((m) => m.pending);

  return (
    <>
      <h1>
        Team settings: <Link href={`/${t.name}`}>{t.name}</Link>
      </h1>
      <p class="muted">Your role: {t.viewerRole}</p>
      {error && <Failure error={error} />}

      <section aria-labelledby="projects-heading">
        <h2 id="projects-heading">Projects</h2>
        <table aria-label="Projects">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Privacy</th>
              {admin && <th scope="col">Change privacy</th>}
            </tr>
          </thead>
          <tbody>
            {t.projects.edges.map(({ node: p }) => (
              <tr key={p.name}>
                <td>
                  <Link href={projectPath(p.entityName, p.name)}>{p.name}</Link>
                </td>
                <td>{ACCESS_WORDS[p.access] ?? p.access}</td>
                {admin && (
                  <td>
                    <select aria-label={`Privacy of ${p.name}`} value={p.access} disabled={busy}
                      onChange={(e) => change(() => setProjectAccess(t.name, p.name, e.currentTarget.value))}>
                      {ACCESS.map((a) => (
                        <option key={a} value={a}>
                          {ACCESS_WORDS[a]}
                        </option>
                      ))}
                    </select>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {t.projects.edges.length === 0 && <p class="muted">The team has no projects yet.</p>}
      </section>

      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <table aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              {admin && <th scope="col"><span class="sr-only">Actions</span></th>}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.username ?? m.name}{m.accountType === "SERVICE" && <span class="badge">service account</span>}</td>
                <td>{m.email ?? ""}</td>
                <td>
                  {admin && m.accountType !== "SERVICE" ? (
                    <select aria-label={`Role of ${m.username}`} value={m.role} disabled={busy}
                      onChange={(e) => change(() => updateMember(t.name, m.username!, e.currentTarget.value))}>
                      {ROLES.map((r) => (
                        <option key={r}>{r}</option>
                      ))}
                    </select>
                  ) : (
                    m.role
                  )}
                  {m.apiKey && (
                    <details>
                      <summary>API key</summary>
                      <code>{m.apiKey}</code>
                    </details>
                  )}
                </td>
                {admin && (
                  <td>
                    <button type="button" disabled={busy} aria-label={`Remove ${m.username ?? m.name}`}
                      onClick={() => confirm(`Remove ${m.username ?? m.name} from ${t.name}?`) && change(() => deleteInvite(m.id))}>
                      Remove
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="invites-heading">
        <h2 id="invites-heading">Invites</h2>
        {pending.length === 0 ? (
          <p class="muted">No pending invites.</p>
        ) : (
          <table aria-label="Pending invites">
            <thead>
              <tr>
                <th scope="col">Invited</th>
                <th scope="col">Role</th>
                {t.viewerCanInvite && <th scope="col"><span class="sr-only">Actions</span></th>}
              </tr>
            </thead>
            <tbody>
              {pending.map((m) => (
                <tr key={m.id}>
                  <td>{m.username ?? m.email ?? m.name}</td>
                  <td>{m.role}</td>
                  {t.viewerCanInvite && (
                    <td>
                      <button type="button" disabled={busy} aria-label={`Revoke invite of ${m.username ?? m.email}`} onClick={() => change(() => deleteInvite(m.id))}>
                        Revoke
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {t.viewerCanInvite && <InviteForm team={t.name} onDone={reload} />}
      </section>

      {admin && (
        <>
          <ServiceAccounts team={t.name} onDone={reload} />
          <section aria-labelledby="defaults-heading">
            <h2 id="defaults-heading">Team defaults</h2>
            <label>
              Default privacy of new projects{" "}
              <select value={t.defaultAccess} disabled={busy} onChange={(e) => change(() => updateEntity({ entity: t.name, defaultAccess: e.currentTarget.value }))}>
                {ACCESS.map((a) => (
                  <option key={a} value={a}>
                    {ACCESS_WORDS[a]}
                  </option>
                ))}
              </select>
            </label>
            <label class="inline">
              <input type="checkbox" checked={t.codeSavingEnabled} disabled={busy}
                onChange={(e) => change(() => updateEntity({ entity: t.name, codeSavingEnabled: e.currentTarget.checked }))} />
              Save code and git diffs of runs
            </label>
            <label class="inline">
              <input type="checkbox" checked={!!t.membersCanInvite} disabled={busy}
                onChange={(e) => change(() => updateEntity({ entity: t.name, membersCanInvite: e.currentTarget.checked }))} />
              Members may invite
            </label>
            <p>Storage region: {t.storageRegion}</p>
          </section>
          <Audit team={t.name} />
        </>
      )}
    </>
  );
}

function InviteForm({ team: name, onDone }: { team: string; onDone: () => void }) {
  const [who, setWho] = useState("");
  const [role, setRole] = useState("MEMBER");
  const [act, error, busy] = useAction();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        act(() => createInvite(name, who.trim(), role)).then((ok) => ok && (setWho(""), onDone()));
      }}
    >
      <label>
        Invite by username or email <input value={who} onInput={(e) => setWho(e.currentTarget.value)} />
      </label>{" "}
      <label>
        Role{" "}
        <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>{" "}
      <button type="submit" disabled={busy || !who.trim()}>
        Invite
      </button>
      {error && <Failure error={error} />}
    </form>
  );
}

function ServiceAccounts({ team: name, onDone }: { team: string; onDone: () => void }) {
  const [description, setDescription] = useState("");
  const [act, error, busy] = useAction();
  return (
    <section aria-labelledby="service-heading">
      <h2 id="service-heading">Service accounts</h2>
      <p class="muted">A service account logs runs for the team with its own API key (shown to admins under Members).</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          act(() => createServiceAccount(name, description.trim() || "service account")).then((ok) => ok && (setDescription(""), onDone()));
        }}
      >
        <label>
          Service account description <input value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>{" "}
        <button type="submit" disabled={busy}>
          Create service account
        </button>
        {error && <Failure error={error} />}
      </form>
    </section>
  );
}

function Audit({ team: name }: { team: string }) {
  const [loaded] = useLoad(() => auditEvents(name), [name]);
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <Show loaded={loaded}>
        {(events) => (
          <table aria-label="Audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{when(e.createdAt)}</td>
                  <td>{e.actorUsername ?? ""}</td>
                  <td>{e.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
}
