// Pieces the artifact pages share: crumbs, alias badges and the link to a version's creator.
import type { ArtifactCreator } from "../ops";
import { artifactCollectionPath, projectPath, runPath } from "../router";
import { Link } from "../util";

export function ArtifactCrumbs({ entity, project, type, collection }: { entity: string; project: string; type: string; collection?: string }) {
  return (
    <nav aria-label="Breadcrumbs">
      <p class="crumbs">
        <Link href={`/${encodeURIComponent(entity)}`}>{entity}</Link> / <Link href={projectPath(entity, project)}>{project}</Link> /{" "}
        <Link href={projectPath(entity, project, "artifacts")}>artifacts</Link> / {type} /{" "}
        {collection && <Link href={artifactCollectionPath(entity, project, type, collection)}>{collection}</Link>}
      </p>
    </nav>
  );
}

export function AliasBadges({ aliases }: { aliases: string[] }) {
  if (aliases.length === 0) return null;
  return (
    <ul class="aliases" aria-label="Aliases">
      {aliases.map((a) => (
        <li key={a} class={a === "latest" || /^v\d+$/.test(a) ? "tag" : "badge"}>
          {a}
        </li>
      ))}
    </ul>
  );
}

/** The run that logged a version (a link to it), or the person who did without a run. */
export function Creator({ creator, fallbackEntity, fallbackProject }: { creator: ArtifactCreator | null; fallbackEntity: string; fallbackProject: string }) {
  if (!creator) return <span class="muted">not known (or not visible to you)</span>;
  if (creator.__typename === "User") return <span>{creator.username}</span>;
  const entity = creator.project?.entityName ?? fallbackEntity;
  const project = creator.project?.name ?? fallbackProject;
  return <Link href={runPath(entity, project, creator.name)}>{creator.displayName || creator.name}</Link>;
}
