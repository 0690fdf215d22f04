import { useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from "@tanstack/virtual-core";
import { addClause, FILTER_OPS, parseFilterText, type FilterOp } from "../filters";
import { ACCESS_WORDS, deleteRuns, project as loadProject, setBaseline, type ProjectInfo, type Viewer } from "../ops";
import { navigate, projectPath, runPath, type ProjectView } from "../router";
import {
  EMPTY_LAYOUT, EVERYTHING, NOTHING, RUN_COLUMNS, cellValue, formatValue, isSelected, keyColumns, moveColumn, nextOrder,
  selectedCount, selectionInput, sortDirection, tagsOfSelection, toggle, toggleHidden, togglePinned, visibleColumns, type Column, type ColumnLayout,
  type RunRow, type Selection,
} from "../tableState";
import { useRuns } from "../components/useRuns";
import { MoveDialog } from "../components/MoveDialog";
import { TagDialog } from "../components/TagDialog";
import { Workspace } from "../components/Workspace";
import { Compare } from "../components/Compare";
import { ArtifactsTab } from "./ArtifactsTab";
import { AlertsTab } from "./AlertsTab";
import { Failure, Link, Show, runs as runCount, useAction, useLoad, useTitle, when } from "../util";

const ROW_HEIGHT = 34;

export function ProjectPage({ entity, project, view, viewer }: { entity: string; project: string; view: ProjectView; viewer: Viewer }) {
  useTitle(`${entity}/${project}`);
  const [loaded, reload] = useLoad(() => loadProject(entity, project), [entity, project]);
  return <Show loaded={loaded}>{(info) => <Project info={info} view={view} viewer={viewer} reloadInfo={reload} />}</Show>;
}

function Project({ info, view, viewer, reloadInfo }: { info: ProjectInfo; view: ProjectView; viewer: Viewer; reloadInfo: () => void }) {
  const [filterText, setFilterText] = useState("");
  const [order, setOrder] = useState("-created_at");
  const applied = parseFilterText(filterText);
  const filters = applied.ok && applied.value ? JSON.stringify(applied.value) : null;
  const runs = useRuns(info.entityName, info.name, filters, order);
  const canEditRuns = info.viewerCanEditRuns;

  const views: ProjectView[] = ["workspace", "table", "compare", "artifacts", "alerts"];
  const aboutRuns = view !== "artifacts" && view !== "alerts";
  const tab = (name: ProjectView, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${name}`}
      aria-selected={view === name}
      aria-controls={`panel-${name}`}
      tabIndex={view === name ? 0 : -1}
      onClick={() => navigate(projectPath(info.entityName, info.name, name), true)}
      onKeyDown={(e) => {
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          const other = views[(views.indexOf(name) + (e.key === "ArrowRight" ? 1 : views.length - 1)) % views.length];
          navigate(projectPath(info.entityName, info.name, other), true);
          requestAnimationFrame(() => document.getElementById(`tab-${other}`)?.focus());
        }
      }}
    >
      {label}
    </button>
  );

  return (
    <>
      <p class="crumbs">
        <Link href={`/${info.entityName}`}>{info.entityName}</Link> /
      </p>
      <h1>
        {info.name} <span class="badge">{ACCESS_WORDS[info.access] ?? info.access}</span>
      </h1>
      {info.entity.isTeam && (
        <p>
          <Link href={`/teams/${info.entityName}`}>Team settings</Link>
        </p>
      )}
      <div role="tablist" aria-label="Project views">
        {tab("workspace", "Workspace")}
        {tab("table", "Table")}
        {tab("compare", "Compare")}
        {tab("artifacts", "Artifacts")}
        {tab("alerts", "Alerts")}
      </div>
      {aboutRuns && <FilterBar text={filterText} onApply={setFilterText} error={applied.ok ? null : applied.error} columns={keyColumns(runs.runs)} />}
      {aboutRuns && runs.error && <Failure error={runs.error} />}
      <section role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === "artifacts" ? (
          <ArtifactsTab entity={info.entityName} project={info.name} />
        ) : view === "alerts" ? (
          <AlertsTab entity={info.entityName} project={info.name} />
        ) : view === "table" ? (
          <RunsTable info={info} runs={runs} order={order} onOrder={setOrder} filterText={filters} canEditRuns={canEditRuns} viewer={viewer} reloadInfo={reloadInfo} />
        ) : view === "compare" ? (
          <Compare info={info} runs={runs.runs} />
        ) : (
          <Workspace info={info} runs={runs.runs} />
        )}
      </section>
    </>
  );
}

function FilterBar({ text, onApply, error, columns }: { text: string; onApply: (text: string) => void; error: string | null; columns: Column[] }) {
  const [draft, setDraft] = useState(text);
  const [key, setKey] = useState("state");
  const [op, setOp] = useState<FilterOp>("=");
  const [value, setValue] = useState("");
  const [builderError, setBuilderError] = useState<string | null>(null);
  useEffect(() => setDraft(text), [text]);
  const keys = ["state", "displayName", "name", "tags", "username", ...columns.map((c) => c.key)];
  return (
    <div class="filters">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApply(draft);
        }}
      >
        <label>
          Filter{" "}
          <input class="wide" value={draft} placeholder='{"state": "finished"}' onInput={(e) => setDraft(e.currentTarget.value)} aria-describedby="filter-help" />
        </label>{" "}
        <button type="submit">Apply filter</button>{" "}
        <button type="button" onClick={() => onApply("")} disabled={!text}>
          Clear filter
        </button>
        <span id="filter-help" class="muted">
          {" "}
          MongoDB-style JSON, as the wandb public API sends it
        </span>
      </form>
      <form
        class="builder"
        onSubmit={(e) => {
          e.preventDefault();
          try {
            onApply(addClause(draft, { key, op, value }));
            setBuilderError(null);
            setValue("");
          } catch (err) {
            setBuilderError((err as Error).message);
          }
        }}
      >
        <label>
          Filter key{" "}
          <select value={key} onChange={(e) => setKey(e.currentTarget.value)}>
            {keys.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>{" "}
        <label>
          Comparison{" "}
          <select value={op} onChange={(e) => setOp(e.currentTarget.value as FilterOp)}>
            {FILTER_OPS.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </label>{" "}
        <label>
          Filter value <input value={value} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>{" "}
        <button type="submit">Add filter</button>
      </form>
      {(error || builderError) && <Failure error={(error ?? builderError)!} />}
    </div>
  );
}

interface TableProps {
  info: ProjectInfo;
  runs: ReturnType<typeof useRuns>;
  order: string;
  onOrder: (order: string) => void;
  filterText: string | null;
  canEditRuns: boolean;
  viewer: Viewer;
  reloadInfo: () => void;
}

function RunsTable({ info, runs, order, onOrder, filterText, canEditRuns, viewer, reloadInfo }: TableProps) {
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [layout, setLayout] = useState<ColumnLayout>({ ...EMPTY_LAYOUT, hidden: ["heartbeat_at", "group", "jobType"] });
  const [moving, setMoving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [act, error, busy] = useAction();
  const [tagging, setTagging] = useState(false);
  useEffect(() => setSelection(NOTHING), [filterText]);

  const allColumns = useMemo(() => [...RUN_COLUMNS, ...keyColumns(runs.runs)], [runs.runs]);
  const columns = visibleColumns(allColumns, layout);
  const total = runs.total ?? 0;
  const count = selectedCount(selection, total);
  const filterDoc = filterText ? JSON.parse(filterText) : null;
  const movable = canEditRuns && info.access !== "RESTRICTED";
  const singleSelected = !selection.all && selection.names.size === 1 ? [...selection.names][0] : null;

  const afterChange = (message: string) => {
    setSelection(NOTHING);
    setStatus(message);
    runs.reload();
    reloadInfo();
  };

  const allBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allBox.current) allBox.current.indeterminate = count > 0 && count < total;
  }, [count, total]);

  return (
    <>
      <div class="toolbar" role="toolbar" aria-label="Selected runs">
        <span aria-live="polite">
          {runs.total === null ? "" : runCount(total)}
          {count > 0 && ` · ${count} selected${selection.all ? " (every run matching the filter)" : ""}`}
        </span>
        {movable && (
          <button type="button" disabled={count === 0} onClick={() => setMoving(true)}>
            Move
          </button>
        )}
        {movable && (
          <button
            type="button"
            disabled={count === 0 || busy}
            onClick={() =>
              confirm(`Delete ${runCount(count)} with their history and files? This cannot be undone.`) &&
              act(async () => afterChange(`Deleted ${runCount(await deleteRuns(info.entityName, info.name, selectionInput(selection, filterDoc)))}`))
            }
          >
            Delete
          </button>
        )}
        {canEditRuns && (
          <button type="button" disabled={count === 0 || busy} onClick={() => setTagging(true)}>
            Edit tags
          </button>
        )}
        {info.viewerCanSetBaseline && singleSelected && (
          <button type="button" disabled={busy} onClick={() => act(async () => (await setBaseline(info.entityName, info.name, singleSelected), afterChange("Baseline set")))}>
            Mark as baseline
          </button>
        )}
        <ColumnChooser all={allColumns} layout={layout} onLayout={setLayout} />
      </div>
      {status && (
        <p role="status" class="ok">
          {status}
        </p>
      )}
      {error && <Failure error={error} />}
      <VirtualRuns
        info={info}
        runs={runs}
        columns={columns}
        order={order}
        onOrder={onOrder}
        selection={selection}
        onSelection={setSelection}
        allBox={allBox}
        allChecked={selection.all && selection.names.size === 0 && total > 0}
      />
      {tagging && (
        <TagDialog
          info={info}
          count={count}
          selection={selectionInput(selection, filterDoc)}
          knownTags={tagsOfSelection(selection, runs.runs)}
          onClose={() => setTagging(false)}
          onDone={(updated) => {
            setTagging(false);
            afterChange(`Changed the tags of ${runCount(updated)}`);
          }}
        />
      )}
      {moving && (
        <MoveDialog
          info={info}
          viewer={viewer}
          count={count}
          selection={selectionInput(selection, filterDoc)}
          onClose={() => setMoving(false)}
          onMoved={(moved, destination) => {
            setMoving(false);
            afterChange(`Moved ${runCount(moved)} to ${destination}`);
          }}
        />
      )}
    </>
  );
}

function VirtualRuns({ info, runs, columns, order, onOrder, selection, onSelection, allBox, allChecked }: {
  info: ProjectInfo; runs: ReturnType<typeof useRuns>; columns: Column[]; order: string; onOrder: (o: string) => void;
  selection: Selection; onSelection: (s: Selection) => void; allBox: { current: HTMLInputElement | null }; allChecked: boolean;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const options = {
    count: runs.runs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    observeElementRect,
    observeElementOffset,
    scrollToFn: elementScroll,
    onChange: () => rerender(0),
  };
  const virtualizer = useMemo(() => new Virtualizer<HTMLDivElement, HTMLTableRowElement>(options), []);
  virtualizer.setOptions(options);
  useLayoutEffect(() => virtualizer._didMount(), []);
  useLayoutEffect(() => virtualizer._willUpdate());

  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (runs.hasNext && !runs.loading && (!last || last.index >= runs.runs.length - 30)) runs.loadMore();
  }, [last?.index, runs.hasNext, runs.loading, runs.runs.length]);

  const before = items.length ? items[0].start : 0;
  const after = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const baseline = info.baselineRun?.name;
  const span = columns.length + 2;

  return (
    <div class="runs-scroll" ref={scroller} tabIndex={0} role="region" aria-label="Runs table, scrollable">
      <table aria-label="Runs" aria-rowcount={(runs.total ?? runs.runs.length) + 1} class="runs">
        <thead>
          <tr>
            <th scope="col" class="select">
              <input
                type="checkbox"
                ref={allBox}
                aria-label="Select all runs"
                checked={allChecked}
                onChange={(e) => onSelection(e.currentTarget.checked ? EVERYTHING : NOTHING)}
              />
            </th>
            <HeaderCell column={{ key: "display_name", label: "Name" }} order={order} onOrder={onOrder} />
            {columns.map((c) => (
              <HeaderCell key={c.key} column={c} order={order} onOrder={onOrder} />
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && <tr style={{ height: `${before}px` }} aria-hidden="true"><td colSpan={span} /></tr>}
          {items.map((item) => {
            const run = runs.runs[item.index];
            return <RunTableRow key={run.id} run={run} index={item.index} info={info} columns={columns} selected={isSelected(selection, run.name)}
              onToggle={() => onSelection(toggle(selection, run.name))} baseline={run.name === baseline} />;
          })}
          {after > 0 && <tr style={{ height: `${after}px` }} aria-hidden="true"><td colSpan={span} /></tr>}
        </tbody>
      </table>
      {runs.loading && <p class="muted">Loading runs…</p>}
      {!runs.loading && runs.runs.length === 0 && <p class="muted">No runs match.</p>}
    </div>
  );
}

function HeaderCell({ column, order, onOrder }: { column: Column; order: string; onOrder: (o: string) => void }) {
  const direction = sortDirection(order, column.key);
  if (column.sortable === false) {
    return (
      <th scope="col" title={column.key}>
        {column.label}
      </th>
    );
  }
  const group = column.key.startsWith("config.") ? "config" : column.key.startsWith("summary_metrics.") ? "summary" : "";
  return (
    <th scope="col" aria-sort={direction} title={column.key}>
      <button type="button" class="sort" onClick={() => onOrder(nextOrder(order, column.key))} aria-label={`Sort by ${column.label}${group ? ` (${group})` : ""}`}>
        {group && <span class="group">{group}</span>}
        {column.label}
        {direction === "ascending" ? " ▲" : direction === "descending" ? " ▼" : ""}
      </button>
    </th>
  );
}

function RunTableRow({ run, index, info, columns, selected, onToggle, baseline }: {
  run: RunRow; index: number; info: ProjectInfo; columns: Column[]; selected: boolean; onToggle: () => void; baseline: boolean;
}) {
  const label = run.displayName || run.name;
  return (
    <tr aria-rowindex={index + 2} aria-selected={selected} class={selected ? "selected" : undefined}>
      <td class="select">
        <input type="checkbox" aria-label={label} checked={selected} onChange={onToggle} />
      </td>
      <th scope="row">
        <Link href={runPath(info.entityName, info.name, run.name)}>{label}</Link>
        {baseline && <span class="badge">baseline</span>}
      </th>
      {columns.map((c) => (
        <td key={c.key} class={c.key === "state" ? `state ${run.state}` : undefined}>
          {formatValue(c.key === "created_at" || c.key === "heartbeat_at" ? when(cellValue(run, c.key) as string) : cellValue(run, c.key))}
        </td>
      ))}
    </tr>
  );
}

function ColumnChooser({ all, layout, onLayout }: { all: Column[]; layout: ColumnLayout; onLayout: (l: ColumnLayout) => void }) {
  return (
    <details class="columns">
      <summary>Columns</summary>
      <ul>
        {all.map((c) => {
          const shown = !layout.hidden.includes(c.key);
          const pinned = layout.pinned.includes(c.key);
          return (
            <li key={c.key}>
              <label>
                <input type="checkbox" checked={shown} onChange={() => onLayout(toggleHidden(layout, c.key))} /> {c.key}
              </label>{" "}
              <button type="button" aria-pressed={pinned} aria-label={`Pin ${c.key}`} onClick={() => onLayout(togglePinned(layout, c.key))}>
                📌
              </button>
              <button type="button" aria-label={`Shift ${c.key} left`} disabled={!shown} onClick={() => onLayout(moveColumn(all, layout, c.key, -1))}>
                ←
              </button>
              <button type="button" aria-label={`Shift ${c.key} right`} disabled={!shown} onClick={() => onLayout(moveColumn(all, layout, c.key, 1))}>
                →
              </button>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
