import { acceptInvite, deleteInvite, entities, entityNames, ACCESS_WORDS, type Viewer } from "../ops";
import { projectPath } from "../router";
import { Failure, Link, Show, useAction, useLoad, useTitle, when } from "../util";

export function HomePage({ viewer, refreshViewer }: { viewer: Viewer; refreshViewer: () => void }) {
  useTitle("Home");
  const names = entityNames(viewer);
  const [loaded] = useLoad(() => entities(names), [names.join(",")]);
  const [act, error, busy] = useAction();
  return (
    <>
      <h1>Welcome, {viewer.fullName || viewer.username}</h1>
      {viewer.pendingInvites.length > 0 && (
        <section aria-labelledby="invites-heading">
          <h2 id="invites-heading">Pending invites</h2>
          <ul class="cards">
            {viewer.pendingInvites.map((invite) => (
              <li key={invite.id}>
                Join <strong>{invite.entityName}</strong> as {invite.role}
                {invite.fromUser && <> (invited by {invite.fromUser.username})</>}{" "}
                <button type="button" disabled={busy} aria-label={`Accept invite to ${invite.entityName}`}
                  onClick={() => act(() => acceptInvite(invite.id)).then((ok) => ok && refreshViewer())}>
                  Accept
                </button>{" "}
                <button type="button" disabled={busy} aria-label={`Decline invite to ${invite.entityName}`}
                  onClick={() => act(() => deleteInvite(invite.id)).then((ok) => ok && refreshViewer())}>
                  Decline
                </button>
              </li>
            ))}
          </ul>
          {error && <Failure error={error} />}
        </section>
      )}
      <section aria-labelledby="entities-heading">
        <h2 id="entities-heading">Your entities</h2>
        <ul class="cards">
          {names.map((name) => (
            <li key={name}>
              <Link href={`/${name}`}>{name}</Link>
              {name === viewer.defaultEntity?.name && <span class="badge">default</span>}
              {name !== viewer.username && (
                <>
                  {" "}
                  <Link href={`/teams/${name}`}>Team settings</Link>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent projects</h2>
        <Show loaded={loaded}>
          {(list) => {
            const projects = list
              .flatMap((e) => e?.projects.edges.map((p) => p.node) ?? [])
              .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
              .slice(0, 20);
            if (projects.length === 0) return <p class="muted">No projects yet: log a run with the wandb client.</p>;
            return (
              <table aria-label="Recent projects">
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    <th scope="col">Privacy</th>
                    <th scope="col">Runs</th>
                    <th scope="col">Last activity</th>
                  </tr>
                </thead>
                <tbody>
                  {projects.map((p) => (
                    <tr key={`${p.entityName}/${p.name}`}>
                      <td>
                        <Link href={projectPath(p.entityName, p.name)}>{`${p.entityName}/${p.name}`}</Link>
                      </td>
                      <td>{ACCESS_WORDS[p.access] ?? p.access}</td>
                      <td>{p.runCount}</td>
                      <td>{when(p.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          }}
        </Show>
      </section>
    </>
  );
}
