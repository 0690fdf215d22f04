import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "./api";
import { onLinkClick } from "./router";

export type Loaded<T> = { state: "loading" } | { state: "done"; value: T } | { state: "failed"; error: string; code?: string };

/** Runs `load` when `deps` change; `reload` runs it again (after a mutation). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setResult({ state: "done", value }),
      (error) => live && setResult({ state: "failed", error: (error as Error).message, code: error instanceof ApiError ? error.code : undefined }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return [result, useCallback(() => setTick((t) => t + 1), [])];
}

export function Link(props: { href: string; children: ComponentChildren; class?: string; "aria-current"?: "page" }) {
  return (
    <a href={props.href} onClick={onLinkClick} class={props.class} aria-current={props["aria-current"]}>
      {props.children}
    </a>
  );
}

export function NotFound() {
  useTitle("Not found");
  return (
    <section class="notfound">
      <h1>Not found</h1>
      <p>There is nothing here, or you may not see it.</p>
      <Link href="/">Go home</Link>
    </section>
  );
}

export function Failure({ error }: { error: string }) {
  return (
    <p role="alert" class="error">
      {error}
    </p>
  );
}

export function Loading() {
  return (
    <p class="muted" aria-live="polite">
      Loading…
    </p>
  );
}

/** Loading, failure (NOT_FOUND as the not-found page) or the page itself. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: NonNullable<T>) => ComponentChildren }) {
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") return loaded.code === "NOT_FOUND" ? <NotFound /> : <Failure error={loaded.error} />;
  if (loaded.value === null || loaded.value === undefined) return <NotFound />;
  return <>{children(loaded.value as NonNullable<T>)}</>;
}

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Labbook`;
  }, [title]);
}

export function when(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A button for a mutation: disabled while it runs; its error is shown beside it. */
export function useAction(): [(work: () => Promise<unknown>) => Promise<boolean>, string | null, boolean] {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return [run, error, busy];
}

/** "1 run", "3 runs". */
export function runs(n: number): string {
  return `${n} ${n === 1 ? "run" : "runs"}`;
}
