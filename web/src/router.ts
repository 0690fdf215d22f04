import { useEffect, useState } from "preact/hooks";

export type ProjectView = "workspace" | "table" | "compare" | "artifacts" | "alerts";
const QUERY_VIEWS: ProjectView[] = ["table", "compare", "artifacts", "alerts"];

export type Route =
  | { page: "login"; next: string }
  | { page: "home" }
  | { page: "settings" }
  | { page: "team"; team: string }
  | { page: "entity"; entity: string }
  | { page: "project"; entity: string; project: string; view: ProjectView }
  | { page: "run"; entity: string; project: string; run: string }
  | { page: "artifactCollection"; entity: string; project: string; type: string; collection: string }
  | { page: "artifactVersion"; entity: string; project: string; type: string; collection: string; version: string }
  | { page: "missing" };

/** The page for a URL the server sends to the app (app/rest/web.py serves index.html for these). */
export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  if (parts.length === 0) return { page: "home" };
  if (parts[0] === "login" && parts.length === 1) return { page: "login", next: safeNext(query.get("next")) };
  if (parts[0] === "settings" && parts.length === 1) return { page: "settings" };
  if (parts[0] === "teams" && parts.length === 2) return { page: "team", team: parts[1] };
  if (parts.length === 1) return { page: "entity", entity: parts[0] };
  if (parts.length === 2) {
    const asked = query.get("view");
    const view: ProjectView = query.has("table") ? "table" : QUERY_VIEWS.find((v) => v === asked) ?? "workspace";
    return { page: "project", entity: parts[0], project: parts[1], view };
  }
  // W&B's own paths: /<e>/<p>/table, /<e>/<p>/workspace, /<e>/<p>/runs and a run's sub-pages (/overview, /files ...).
  if (parts.length === 3 && (parts[2] === "table" || parts[2] === "runs")) return { page: "project", entity: parts[0], project: parts[1], view: "table" };
  if (parts.length === 3 && parts[2] === "workspace") return { page: "project", entity: parts[0], project: parts[1], view: "workspace" };
  if (parts.length === 3 && parts[2] === "alerts") return { page: "project", entity: parts[0], project: parts[1], view: "alerts" };
  if (parts[2] === "artifacts") {
    const [entity, project, , type, collection, version] = parts;
    if (parts.length <= 4) return { page: "project", entity, project, view: "artifacts" }; // /artifacts and /artifacts/<type>
    if (parts.length === 5) return { page: "artifactCollection", entity, project, type, collection };
    // W&B's version sub-pages (/overview, /metadata, /files, /lineage, /usage) open the one version page.
    if (parts.length === 6 || parts.length === 7) return { page: "artifactVersion", entity, project, type, collection, version };
  }
  if ((parts.length === 4 || parts.length === 5) && parts[2] === "runs") return { page: "run", entity: parts[0], project: parts[1], run: parts[3] };
  return { page: "missing" };
}

/** Only paths of this site: a `next` pointing elsewhere would make the login page an open redirect. */
export function safeNext(next: string | null): string {
  // Browsers read "/\\host" like "//host": another site.
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

export function projectPath(entity: string, project: string, view?: ProjectView): string {
  const base = `/${encodeURIComponent(entity)}/${encodeURIComponent(project)}`;
  return view && view !== "workspace" ? `${base}?view=${view}` : base;
}

export function runPath(entity: string, project: string, run: string): string {
  return `${projectPath(entity, project)}/runs/${encodeURIComponent(run)}`;
}

export function artifactCollectionPath(entity: string, project: string, type: string, collection: string): string {
  return `/${encodeURIComponent(entity)}/${encodeURIComponent(project)}/artifacts/${encodeURIComponent(type)}/${encodeURIComponent(collection)}`;
}

/** A version's page: `version` is vN, latest or an alias. */
export function artifactVersionPath(entity: string, project: string, type: string, collection: string, version: string): string {
  return `${artifactCollectionPath(entity, project, type, collection)}/${encodeURIComponent(version)}`;
}

const listeners = new Set<() => void>();

export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  listeners.forEach((l) => l());
  window.scrollTo(0, 0);
}

export function useLocation(): { pathname: string; search: string } {
  const [, setTick] = useState(0);
  useEffect(() => {
    const update = () => setTick((t) => t + 1);
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return { pathname: location.pathname, search: location.search };
}

/** A link that moves within the app without a page load (modified clicks open tabs as usual). */
export function onLinkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (anchor.origin !== location.origin) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
}
