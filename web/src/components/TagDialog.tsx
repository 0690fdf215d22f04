import { useEffect, useRef, useState } from "preact/hooks";
import { updateRunTags, type ProjectInfo, type RunSelectionInput } from "../ops";
import { parseTagList } from "../tableState";
import { runs } from "../util";

/** "Edit tags": tags to add and to remove on the table's selection (named runs, or every run matching
 * the filter), in one updateRunTags mutation: all of the runs or none. */
export function TagDialog({ info, count, selection, knownTags, onClose, onDone }: {
  info: ProjectInfo; count: number; selection: RunSelectionInput; knownTags: string[];
  onClose: () => void; onDone: (updated: number) => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [adding, setAdding] = useState("");
  const [removingText, setRemovingText] = useState("");
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const add = parseTagList(adding);
  const remove = [...new Set([...removing, ...parseTagList(removingText)])];
  const both = add.filter((t) => remove.includes(t));

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await updateRunTags(info.entityName, info.name, selection, add, remove);
      onDone(result.updatedCount);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} aria-labelledby="tags-title" onClose={onClose} class="move">
      <form onSubmit={save}>
        <h2 id="tags-title">Edit tags</h2>
        <p>
          {runs(count)} selected in {info.entityName}/{info.name}
        </p>
        <p>
          <label>
            Tags to add <input value={adding} onInput={(e) => setAdding(e.currentTarget.value)} placeholder="best, baseline" aria-describedby="tags-help" />
          </label>
        </p>
        {knownTags.length > 0 && (
          <fieldset>
            <legend>Tags to remove</legend>
            {knownTags.map((tag) => (
              <label key={tag} class="inline">
                <input
                  type="checkbox"
                  checked={removing.has(tag)}
                  onChange={(e) => {
                    const next = new Set(removing);
                    if (e.currentTarget.checked) next.add(tag);
                    else next.delete(tag);
                    setRemoving(next);
                  }}
                />
                Remove {tag}
              </label>
            ))}
          </fieldset>
        )}
        <p>
          <label>
            Other tags to remove <input value={removingText} onInput={(e) => setRemovingText(e.currentTarget.value)} aria-describedby="tags-help" />
          </label>
        </p>
        <p id="tags-help" class="muted">
          Separate tags with commas. Runs keep their other tags.
        </p>
        {both.length > 0 && (
          <p role="alert" class="error">
            {both.join(", ")}: a tag cannot be both added and removed
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
          <button type="submit" class="primary" disabled={busy || both.length > 0 || (add.length === 0 && remove.length === 0)}>
            Save tags
          </button>
        </div>
      </form>
    </dialog>
  );
}
