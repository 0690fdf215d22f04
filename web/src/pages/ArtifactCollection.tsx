// /<entity>/<project>/artifacts/<type>/<collection>: the collection's versions.
import { useEffect, useState } from "preact/hooks";
import { artifactCollection, type VersionRow } from "../ops";
import { aliasesIn } from "../artifacts";
import { artifactVersionPath } from "../router";
import { AliasBadges, ArtifactCrumbs, Creator } from "../components/ArtifactBits";
import { Failure, Link, Show, bytes, useAction, useLoad, useTitle, when } from "../util";

export function ArtifactCollectionPage({ entity, project, type, collection }: { entity: string; project: string; type: string; collection: string }) {
  useTitle(`${collection} · ${entity}/${project} artifacts`);
  const [loaded] = useLoad(async () => {
    const page = await artifactCollection(entity, project, type, collection);
    return page?.collection ? page : null;
  }, [entity, project, type, collection]);
  return <Show loaded={loaded}>{(page) => <Collection entity={entity} project={project} type={type} page={page} />}</Show>;
}

function Collection({ entity, project, type, page }: { entity: string; project: string; type: string; page: NonNullable<Awaited<ReturnType<typeof artifactCollection>>> }) {
  const collection = page.collection!;
  const [rows, setRows] = useState<VersionRow[]>(collection.artifacts.edges);
  const [cursor, setCursor] = useState(collection.artifacts.pageInfo.hasNextPage ? collection.artifacts.pageInfo.endCursor : null);
  const [act, error, busy] = useAction();
  useEffect(() => {
    setRows(collection.artifacts.edges);
    setCursor(collection.artifacts.pageInfo.hasNextPage ? collection.artifacts.pageInfo.endCursor : null);
  }, [collection]);
  const total = collection.artifacts.totalCount;
  return (
    <>
      <ArtifactCrumbs entity={entity} project={project} type={type} />
      <h1>
        {collection.name} <span class="badge">{type}</span>
        {collection.__typename === "ArtifactPortfolio" && <span class="badge">portfolio</span>}
      </h1>
      {collection.description && <p>{collection.description}</p>}
      <p class="muted">
        {total === 1 ? "1 version" : `${total} versions`} · created {when(collection.createdAt)}
      </p>
      <table aria-label="Versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Aliases</th>
            <th scope="col">Created</th>
            <th scope="col">Size</th>
            <th scope="col">Files</th>
            <th scope="col">Created by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ version, node }) => (
            <tr key={node.id}>
              <th scope="row">
                <Link href={artifactVersionPath(entity, project, type, collection.name, version)}>{version}</Link>
              </th>
              <td>
                <AliasBadges aliases={aliasesIn(node.aliases, collection.name).filter((a) => a !== version)} />
              </td>
              <td>{when(node.createdAt)}</td>
              <td>{bytes(node.size)}</td>
              <td>{node.fileCount}</td>
              <td>
                <Creator creator={node.createdBy} fallbackEntity={entity} fallbackProject={project} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="muted">No committed versions.</p>}
      {cursor && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              act(async () => {
                const next = await artifactCollection(entity, project, type, collection.name, cursor);
                const more = next?.collection?.artifacts;
                if (!more) throw new Error("the collection is gone");
                setRows((r) => [...r, ...more.edges]);
                setCursor(more.pageInfo.hasNextPage ? more.pageInfo.endCursor : null);
              })
            }
          >
            Show more versions
          </button>
        </p>
      )}
      {error && <Failure error={error} />}
    </>
  );
}
