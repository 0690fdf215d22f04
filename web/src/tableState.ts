// The runs table's state: which columns, in which order, sorted how, and which runs are selected.

import { excluding, type FilterDocument } from "./filters";

export interface RunRow {
  id: string;
  name: string;
  displayName: string | null;
  state: string;
  createdAt: string;
  heartbeatAt?: string;
  group?: string | null;
  jobType?: string | null;
  user: { username: string } | null;
  config: Record<string, unknown>;
  summary: Record<string, unknown>;
  tags: string[];
}

export interface Column {
  key: string; // what the server sorts and filters by
  label: string;
  sortable?: boolean; // the server orders by it (default true)
}

export const RUN_COLUMNS: Column[] = [
  { key: "state", label: "State" },
  { key: "username", label: "User", sortable: false },
  { key: "created_at", label: "Created" },
  { key: "heartbeat_at", label: "Last heartbeat" },
  { key: "group", label: "Group", sortable: false },
  { key: "jobType", label: "Job type", sortable: false },
  { key: "tags", label: "Tags", sortable: false },
];

/** The config value as logged: the client stores {"lr": {"value": 0.01}}. */
export function configValue(config: Record<string, unknown>, key: string): unknown {
  const entry = config[key];
  if (entry && typeof entry === "object" && !Array.isArray(entry) && "value" in (entry as object)) {
    return (entry as { value: unknown }).value;
  }
  return entry;
}

/** Every config and summary key the runs hold, config first, each group sorted; wandb's own (_*) left out. */
export function keyColumns(runs: RunRow[]): Column[] {
  const config = new Set<string>();
  const summary = new Set<string>();
  for (const run of runs) {
    Object.keys(run.config).forEach((k) => !k.startsWith("_") && config.add(k));
    Object.keys(run.summary).forEach((k) => !k.startsWith("_") && summary.add(k));
  }
  return [
    ...[...config].sort().map((k) => ({ key: `config.${k}`, label: k })),
    ...[...summary].sort().map((k) => ({ key: `summary_metrics.${k}`, label: k })),
  ];
}

export function cellValue(run: RunRow, key: string): unknown {
  if (key === "state") return run.state;
  if (key === "username") return run.user?.username ?? "";
  if (key === "created_at") return run.createdAt;
  if (key === "heartbeat_at") return run.heartbeatAt;
  if (key === "group") return run.group ?? "";
  if (key === "jobType") return run.jobType ?? "";
  if (key === "tags") return run.tags.join(", ");
  if (key.startsWith("config.")) return configValue(run.config, key.slice(7));
  if (key.startsWith("summary_metrics.")) return run.summary[key.slice(16)];
  return undefined;
}

export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, "");
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The server's order string after a click on a column's header: ascending, then descending, then back. */
export function nextOrder(current: string, key: string): string {
  if (current === `+${key}`) return `-${key}`;
  if (current === `-${key}`) return "-created_at";
  return `+${key}`;
}

export function sortDirection(order: string, key: string): "ascending" | "descending" | "none" {
  if (order === `+${key}`) return "ascending";
  if (order === `-${key}`) return "descending";
  return "none";
}

// --- columns: shown, hidden, pinned, reordered ---------------------------------------------

export interface ColumnLayout {
  order: string[]; // keys in display order; keys not listed go last in their natural order
  hidden: string[];
  pinned: string[];
}

export const EMPTY_LAYOUT: ColumnLayout = { order: [], hidden: [], pinned: [] };

export function visibleColumns(all: Column[], layout: ColumnLayout): Column[] {
  const position = (key: string) => {
    const i = layout.order.indexOf(key);
    return i === -1 ? layout.order.length + all.findIndex((c) => c.key === key) : i;
  };
  return all
    .filter((c) => !layout.hidden.includes(c.key))
    .sort((a, b) => Number(layout.pinned.includes(b.key)) - Number(layout.pinned.includes(a.key)) || position(a.key) - position(b.key));
}

export function toggleHidden(layout: ColumnLayout, key: string): ColumnLayout {
  const hidden = layout.hidden.includes(key) ? layout.hidden.filter((k) => k !== key) : [...layout.hidden, key];
  return { ...layout, hidden };
}

export function togglePinned(layout: ColumnLayout, key: string): ColumnLayout {
  const pinned = layout.pinned.includes(key) ? layout.pinned.filter((k) => k !== key) : [...layout.pinned, key];
  return { ...layout, pinned };
}

/** Move a column one place left (-1) or right (+1) among the visible ones. */
export function moveColumn(all: Column[], layout: ColumnLayout, key: string, delta: -1 | 1): ColumnLayout {
  const keys = visibleColumns(all, { ...layout, pinned: [] }).map((c) => c.key);
  const from = keys.indexOf(key);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= keys.length) return layout;
  [keys[from], keys[to]] = [keys[to], keys[from]];
  const rest = layout.order.filter((k) => !keys.includes(k));
  return { ...layout, order: [...keys, ...rest] };
}

// --- selection -----------------------------------------------------------------------------

/** Either the named runs, or every run matching the filter except the named ones. */
export interface Selection {
  all: boolean;
  names: ReadonlySet<string>;
}

export const NOTHING: Selection = { all: false, names: new Set() };
export const EVERYTHING: Selection = { all: true, names: new Set() };

export function isSelected(selection: Selection, name: string): boolean {
  return selection.all !== selection.names.has(name);
}

export function toggle(selection: Selection, name: string): Selection {
  const names = new Set(selection.names);
  if (names.has(name)) names.delete(name);
  else names.add(name);
  return { all: selection.all, names };
}

export function selectedCount(selection: Selection, matching: number): number {
  return selection.all ? matching - selection.names.size : selection.names.size;
}

/** What moveRuns and deleteRuns take for the selection under the current filter. */
export function selectionInput(selection: Selection, filter: FilterDocument | null): { runNames: string[] } | { filters: string } {
  if (!selection.all) return { runNames: [...selection.names] };
  return { filters: JSON.stringify(excluding(filter, selection.names)) };
}

// --- tag editing -----------------------------------------------------------------------------

/** Tags typed as a comma-separated list: trimmed, empty ones dropped, each once, in typed order. */
export function parseTagList(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim()).filter((t) => t.length > 0))];
}

/** The tags the loaded selected runs hold (what a person may want to remove), sorted. */
export function tagsOfSelection(selection: Selection, runs: RunRow[]): string[] {
  const tags = new Set<string>();
  for (const run of runs) if (isSelected(selection, run.name)) run.tags.forEach((t) => tags.add(t));
  return [...tags].sort();
}
