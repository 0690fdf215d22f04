// /<entity>/<project>/artifacts/<type>/<collection>/<version>: one version (vN, latest or an alias).
import { useEffect, useState } from "preact/hooks";
import { addAlias, artifactFiles, artifactVersion, removeAlias, type ArtifactDetail, type ArtifactFile, type ArtifactProject } from "../ops";
import { aliasProblem, aliasesIn, customAliases, metadataRows, useArtifactSnippet, versionName } from "../artifacts";
import { artifactVersionPath, navigate, runPath } from "../router";
import { AliasBadges, ArtifactCrumbs, Creator } from "../components/ArtifactBits";
import { Failure, Show, bytes, useAction, useLoad, useTitle, when, Link } from "../util";

interface Props {
  entity: string;
  project: string;
  type: string;
  collection: string;
  version: string;
}

export function ArtifactVersionPage(props: Props) {
  const { entity, project, type, collection, version } = props;
  useTitle(`${collection}:${version} · ${entity}/${project}`);
  const [loaded, reload] = useLoad(async () => {
    const found = await artifactVersion(entity, project, type, collection, version);
    return found?.artifact ? { project: found.project, artifact: found.artifact } : null;
  }, [entity, project, type, collection, version]);
  return <Show loaded={loaded}>{(found) => <Version {...props} info={found.project} artifact={found.artifact} reload={reload} />}</Show>;
}

function Version({ entity, project, type, collection, version, info, artifact, reload }: Props & { info: ArtifactProject; artifact: ArtifactDetail; reload: () => void }) {
  const name = versionName(collection, artifact.versionIndex);
  const canWrite = info.viewerCanWriteArtifacts;
  const metadata = metadataRows(artifact.metadata);
  const pinned = artifact.versionIndex === null ? "latest" : `v${artifact.versionIndex}`;
  return (
    <>
      <ArtifactCrumbs entity={entity} project={project} type={type} collection={collection} />
      <h1>
        {name} <span class="badge">{artifact.artifactType.name}</span>
      </h1>
      {artifact.description && <p>{artifact.description}</p>}
      <dl class="facts" aria-label="Version overview">
        <dt>Version</dt>
        <dd>{pinned}</dd>
        <dt>State</dt>
        <dd>{artifact.state}</dd>
        <dt>Created</dt>
        <dd>{when(artifact.createdAt)}</dd>
        <dt>Size</dt>
        <dd>
          {bytes(artifact.size)} in {artifact.fileCount === 1 ? "1 file" : `${artifact.fileCount} files`}
        </dd>
        <dt>Digest</dt>
        <dd>
          <code>{artifact.digest}</code> <span class="muted">({artifact.digestAlgorithm})</span>
        </dd>
        <dt>Expires</dt>
        <dd>{artifact.ttlDurationSeconds < 0 ? "never" : `${Math.round(artifact.ttlDurationSeconds / 86400)} days after creation`}</dd>
        <dt>Use it</dt>
        <dd>
          <code>{useArtifactSnippet(entity, project, collection, pinned)}</code>
        </dd>
      </dl>

      <Aliases artifact={artifact} entity={entity} project={project} collection={collection} canWrite={canWrite}
        reload={(removed) => (removed === version ? navigate(artifactVersionPath(entity, project, type, collection, pinned), true) : reload())} />

      <section aria-labelledby="metadata-heading">
        <h2 id="metadata-heading">Metadata</h2>
        {metadata.length === 0 ? (
          <p class="muted">None.</p>
        ) : (
          <table aria-label="Metadata">
            <tbody>
              {metadata.map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <Files artifact={artifact} />

      <section aria-labelledby="lineage-heading">
        <h2 id="lineage-heading">Lineage</h2>
        <dl class="facts" aria-label="Lineage">
          <dt>Created by</dt>
          <dd>
            <Creator creator={artifact.createdBy} fallbackEntity={entity} fallbackProject={project} />
          </dd>
          <dt>Used by</dt>
          <dd>
            {artifact.usedBy.edges.length === 0 ? (
              <span class="muted">no run yet</span>
            ) : (
              <ul class="inline-list" aria-label="Runs that used this version">
                {artifact.usedBy.edges.map(({ node }) => (
                  <li key={`${node.project?.entityName}/${node.project?.name}/${node.name}`}>
                    <Link href={runPath(node.project?.entityName ?? entity, node.project?.name ?? project, node.name)}>{node.displayName || node.name}</Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>
    </>
  );
}

function Aliases({ artifact, entity, project, collection, canWrite, reload }: {
  artifact: ArtifactDetail; entity: string; project: string; collection: string; canWrite: boolean; reload: (removed?: string) => void;
}) {
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [act, error, busy] = useAction();
  const version = artifact.versionIndex === null ? [] : [{ alias: `v${artifact.versionIndex}`, artifactCollection: { name: collection } }];
  const all = aliasesIn([...version, ...artifact.aliases], collection);
  const mine = customAliases(artifact.aliases, collection);
  // The collection of the page's URL (a sequence, or a portfolio linking the version from elsewhere) holds the aliases.
  const target = { entityName: entity, projectName: project, artifactCollectionName: collection };
  return (
    <section aria-labelledby="aliases-heading">
      <h2 id="aliases-heading">Aliases</h2>
      {!canWrite && (all.length ? <AliasBadges aliases={all} /> : <p class="muted">None.</p>)}
      {canWrite && (
        <>
          <ul class="aliases" aria-label="Aliases">
            {all.map((a) => (
              <li key={a} class={mine.includes(a) ? "badge" : "tag"}>
                {a}
                {mine.includes(a) && (
                  <button
                    type="button"
                    class="remove"
                    aria-label={`Remove alias ${a}`}
                    disabled={busy}
                    onClick={() => act(async () => {
                      await removeAlias(artifact.id, target, a);
                      setStatus(`Removed alias ${a}`);
                      reload(a); // the page named by the alias removed goes to the version's vN
                    })}
                  >
                    ×
                  </button>
                )}
              </li>
            ))}
          </ul>
          <form
            class="inline"
            onSubmit={(e) => {
              e.preventDefault();
              const alias = draft.trim();
              const why = aliasProblem(alias, all);
              setProblem(why);
              if (why) return;
              act(async () => {
                await addAlias(artifact.id, target, alias);
                setDraft("");
                setStatus(`Added alias ${alias}`);
                reload();
              });
            }}
          >
            <label>
              New alias <input value={draft} onInput={(e) => setDraft(e.currentTarget.value)} aria-describedby="alias-help" size={16} />
            </label>{" "}
            <button type="submit" disabled={busy}>
              Add alias
            </button>
            <span id="alias-help" class="muted">
              {" "}
              An alias moves here from the version holding it; latest and vN are set by the server.
            </span>
          </form>
        </>
      )}
      {status && !error && !problem && (
        <p role="status" class="ok">
          {status}
        </p>
      )}
      {(problem || error) && <Failure error={(problem ?? error)!} />}
    </section>
  );
}

function Files({ artifact }: { artifact: ArtifactDetail }) {
  const [files, setFiles] = useState<ArtifactFile[]>(artifact.files.edges.map((e) => e.node));
  const [cursor, setCursor] = useState(artifact.files.pageInfo.hasNextPage ? artifact.files.pageInfo.endCursor : null);
  const [act, error, busy] = useAction();
  useEffect(() => {
    setFiles(artifact.files.edges.map((e) => e.node));
    setCursor(artifact.files.pageInfo.hasNextPage ? artifact.files.pageInfo.endCursor : null);
  }, [artifact]);
  const total = artifact.files.totalCount ?? files.length;
  return (
    <section aria-labelledby="artifact-files-heading">
      <h2 id="artifact-files-heading">Files</h2>
      <table aria-label="Files">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Size</th>
            <th scope="col">MD5 (base64)</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.id}>
              <td>
                <a href={f.directUrl} download={f.name.split("/").pop()}>
                  {f.name}
                </a>
              </td>
              <td>{bytes(f.sizeBytes)}</td>
              <td>
                <code>{f.digest ?? ""}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {files.length === 0 && <p class="muted">No stored files (a version of references lists them in its manifest only).</p>}
      {cursor && (
        <p>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              act(async () => {
                const more = await artifactFiles(artifact.id, cursor);
                setFiles((f) => [...f, ...more.edges.map((e) => e.node)]);
                setCursor(more.pageInfo.hasNextPage ? more.pageInfo.endCursor : null);
              })
            }
          >
            Show more files ({files.length} of {total})
          </button>
        </p>
      )}
      {error && <Failure error={error} />}
    </section>
  );
}
