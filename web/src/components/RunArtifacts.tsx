// The run page's artifacts: the versions the run logged and the ones it used.
import { runArtifacts, type ArtifactRef } from "../ops";
import { aliasesIn, versionName } from "../artifacts";
import { artifactVersionPath } from "../router";
import { AliasBadges } from "./ArtifactBits";
import { Failure, Link, Loading, useLoad } from "../util";

export function RunArtifacts({ entity, project, run }: { entity: string; project: string; run: string }) {
  const [loaded] = useLoad(() => runArtifacts(entity, project, run), [entity, project, run]);
  return (
    <section aria-labelledby="artifacts-heading">
      <h2 id="artifacts-heading">Artifacts</h2>
      {loaded.state === "loading" ? (
        <Loading />
      ) : loaded.state === "failed" ? (
        <Failure error={loaded.error} />
      ) : (
        <div class="two">
          <ArtifactTable title="Output artifacts" empty="The run logged no artifacts." rows={loaded.value?.outputs ?? []} entity={entity} project={project} />
          <ArtifactTable title="Input artifacts" empty="The run used no artifacts." rows={loaded.value?.inputs ?? []} entity={entity} project={project} />
        </div>
      )}
    </section>
  );
}

function ArtifactTable({ title, empty, rows, entity, project }: { title: string; empty: string; rows: ArtifactRef[]; entity: string; project: string }) {
  return (
    <div>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <table aria-label={title}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Aliases</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => {
              const collection = a.artifactSequence.name;
              const home = a.artifactSequence.project;
              const e = home?.entityName ?? entity;
              const p = home?.name ?? project;
              const version = a.versionIndex === null ? "latest" : `v${a.versionIndex}`;
              const elsewhere = e !== entity || p !== project;
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={artifactVersionPath(e, p, a.artifactType.name, collection, version)}>{versionName(collection, a.versionIndex)}</Link>
                    {elsewhere && <span class="muted"> in {e}/{p}</span>}
                  </th>
                  <td>{a.artifactType.name}</td>
                  <td>
                    <AliasBadges aliases={aliasesIn(a.aliases, collection).filter((x) => x !== version)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
