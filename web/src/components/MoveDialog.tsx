import { useEffect, useRef, useState } from "preact/hooks";
import { WRITE_ROLES, entities, entityNames, moveRuns, type ProjectInfo, type Viewer } from "../ops";
import { Failure, Loading, runs, useLoad } from "../util";

const NEW_PROJECT = "__new__";

/** Every project of every entity the person can write to, written entity/project (the source left out). */
async function destinations(viewer: Viewer, source: ProjectInfo): Promise<{ entities: string[]; projects: string[] }> {
  const list = await entities(entityNames(viewer));
  const writable = list.filter((e): e is NonNullable<typeof e> => !!e && WRITE_ROLES.includes(e.viewerRole ?? ""));
  const projects = writable
    .flatMap((e) => e.projects.edges.map((p) => `${e.name}/${p.node.name}`))
    .filter((path) => path !== `${source.entityName}/${source.name}`)
    .sort();
  return { entities: writable.map((e) => e.name), projects };
}

type DryRun = { state: "idle" } | { state: "checking" } | { state: "ok"; count: number } | { state: "refused"; error: string };

export function MoveDialog({ info, viewer, count, selection, onClose, onMoved }: {
  info: ProjectInfo; viewer: Viewer; count: number; selection: { runNames: string[] } | { filters: string };
  onClose: () => void; onMoved: (moved: number, destination: string) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [loaded] = useLoad(() => destinations(viewer, info), [info.id]);
  const [destination, setDestination] = useState("");
  const [newEntity, setNewEntity] = useState(viewer.username);
  const [newName, setNewName] = useState("");
  const [dryRun, setDryRun] = useState<DryRun>({ state: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const target = destination === NEW_PROJECT ? (newName.trim() ? `${newEntity}/${newName.trim()}` : "") : destination;

  function input(dry: boolean) {
    const [destinationEntityName, destinationProjectName] = target.split("/");
    return {
      sourceEntityName: info.entityName,
      sourceProjectName: info.name,
      destinationEntityName,
      destinationProjectName,
      ...selection,
      createDestinationProject: destination === NEW_PROJECT,
      dryRun: dry,
    };
  }

  useEffect(() => {
    if (!target) {
      setDryRun({ state: "idle" });
      return;
    }
    let live = true;
    setDryRun({ state: "checking" });
    const timer = setTimeout(() => {
      moveRuns(input(true)).then(
        (result) => live && setDryRun({ state: "ok", count: result.movedCount }),
        (e) => live && setDryRun({ state: "refused", error: (e as Error).message }),
      );
    }, destination === NEW_PROJECT ? 300 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [target]);

  async function confirmMove(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await moveRuns(input(false));
      onMoved(result.movedCount, target);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="move-title" onClose={onClose} class="move">
      <form onSubmit={confirmMove}>
        <h2 id="move-title">Move runs</h2>
        <p>
          {runs(count)} selected in {info.entityName}/{info.name}
        </p>
        {loaded.state === "loading" && <Loading />}
        {loaded.state === "failed" && <Failure error={loaded.error} />}
        {loaded.state === "done" && (
          <>
            <label>
              Destination project{" "}
              <select value={destination} onChange={(e) => setDestination(e.currentTarget.value)}>
                <option value="">Choose a project…</option>
                {loaded.value.projects.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
                <option value={NEW_PROJECT}>A new project…</option>
              </select>
            </label>
            {destination === NEW_PROJECT && (
              <p>
                <label>
                  New project's entity{" "}
                  <select value={newEntity} onChange={(e) => setNewEntity(e.currentTarget.value)}>
                    {loaded.value.entities.map((e) => (
                      <option key={e}>{e}</option>
                    ))}
                  </select>
                </label>{" "}
                <label>
                  New project name <input value={newName} onInput={(e) => setNewName(e.currentTarget.value)} />
                </label>
              </p>
            )}
          </>
        )}
        <div aria-live="polite" class="dryrun">
          {dryRun.state === "checking" && <p class="muted">Checking…</p>}
          {dryRun.state === "ok" && (
            <p role="status">
              {runs(dryRun.count)} will move to {target}.
            </p>
          )}
        </div>
        {dryRun.state === "refused" && (
          <p role="alert" class="error">
            {dryRun.error}
          </p>
        )}
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <div class="buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy || dryRun.state !== "ok"}>
            Move runs
          </button>
        </div>
      </form>
    </dialog>
  );
}
