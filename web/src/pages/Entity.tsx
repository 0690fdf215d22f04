import { entities, ACCESS_WORDS } from "../ops";
import { projectPath } from "../router";
import { Link, Show, useLoad, useTitle, when } from "../util";

export function EntityPage({ name }: { name: string }) {
  useTitle(name);
  const [loaded] = useLoad(() => entities([name]).then((list) => list[0]), [name]);
  return (
    <Show loaded={loaded}>
      {(entity) => (
        <>
          <h1>{entity.name}</h1>
          {entity.isTeam && entity.viewerRole && (
            <p>
              <Link href={`/teams/${entity.name}`}>Team settings</Link>
            </p>
          )}
          <table aria-label="Projects">
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Privacy</th>
                <th scope="col">Runs</th>
                <th scope="col">Last activity</th>
              </tr>
            </thead>
            <tbody>
              {entity.projects.edges.map(({ node: p }) => (
                <tr key={p.name}>
                  <td>
                    <Link href={projectPath(p.entityName, p.name)}>{p.name}</Link>
                  </td>
                  <td>{ACCESS_WORDS[p.access] ?? p.access}</td>
                  <td>{p.runCount}</td>
                  <td>{when(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entity.projects.edges.length === 0 && <p class="muted">No projects you may see.</p>}
        </>
      )}
    </Show>
  );
}
