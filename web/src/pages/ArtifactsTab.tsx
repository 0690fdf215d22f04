// The project's Artifacts tab: every artifact type with its collections.
import { artifactTypes } from "../ops";
import { artifactCollectionPath, artifactVersionPath, onLinkClick } from "../router";
import { Failure, Link, Loading, useLoad, when } from "../util";

export function ArtifactsTab({ entity, project }: { entity: string; project: string }) {
  const [loaded] = useLoad(() => artifactTypes(entity, project), [entity, project]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") return <Failure error={loaded.error} />;
  const types = loaded.value ?? [];
  if (types.length === 0) {
    return <p class="muted">No artifacts yet: a run logs one with <code>run.log_artifact(wandb.Artifact("name", type="dataset"))</code>.</p>;
  }
  return (
    <>
      {types.map((type) => {
        const id = `artifact-type-${type.name}`;
        const collections = type.artifactCollections.edges.map((e) => e.node);
        return (
          <section key={type.name} aria-labelledby={id}>
            <h2 id={id}>
              {type.name} <span class="badge">{type.artifactCollections.totalCount === 1 ? "1 collection" : `${type.artifactCollections.totalCount} collections`}</span>
            </h2>
            {type.description && <p>{type.description}</p>}
            <table aria-label={`Artifacts of type ${type.name}`}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Versions</th>
                  <th scope="col">Latest</th>
                  <th scope="col">Updated</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                {collections.map((c) => {
                  const latest = c.artifacts.edges[0];
                  return (
                    <tr key={c.name}>
                      <th scope="row">
                        <Link href={artifactCollectionPath(entity, project, type.name, c.name)}>{c.name}</Link>
                      </th>
                      <td>{c.__typename === "ArtifactPortfolio" ? "portfolio" : "sequence"}</td>
                      <td>{c.artifacts.totalCount}</td>
                      <td>
                        {latest && (
                          <a href={artifactVersionPath(entity, project, type.name, c.name, latest.version)} onClick={onLinkClick} aria-label={`${c.name}:${latest.version}`}>
                            {latest.version}
                          </a>
                        )}
                      </td>
                      <td>{when(c.updatedAt ?? c.createdAt)}</td>
                      <td>{c.description ?? ""}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </section>
        );
      })}
    </>
  );
}
