// The project's Alerts tab: its metric rules (create, edit, delete for those who may manage them) and
// its recent alerts (acknowledge, snooze), refreshed while the tab is open.
import { useEffect, useState } from "preact/hooks";
import { acknowledgeAlert, createMetricRule, deleteMetricRule, projectAlerts, snoozeAlert, updateMetricRule, type Alert, type AlertState, type AlertsPage, type CreateMetricRuleInput, type MetricRule, type UpdateMetricRuleInput } from "../ops";
import {
  AGGREGATES, COMPARISONS, COMPARISON_WORDS, DIRECTIONS, EMPTY_DRAFT, TOLERANCE_KINDS, createInput, describeRule, draftOf, updateInput, type RuleDraft,
} from "../ruleForm";
import { runPath } from "../router";
import { subscribeAlerts } from "../liveAlerts";
import { Failure, Link, Loading, useAction, useLoad, when } from "../util";

const STATES: AlertState[] = ["OPEN", "ACKNOWLEDGED", "RESOLVED"];
const SNOOZES: [number, string][] = [[60, "1 hour"], [240, "4 hours"], [1440, "1 day"], [10080, "1 week"]];
/** How often the tab asks again for new alerts: often while the alertEvents feed is down (refused or
 * dropped), rarely (acknowledgements by others) while it is live. */
export const POLL_MS = 15_000;
export const LIVE_POLL_MS = 300_000;

export function AlertsTab({ entity, project }: { entity: string; project: string }) {
  const [state, setState] = useState<AlertState | "">("");
  const [live, setLive] = useState(false);
  const [loaded, reload] = useLoad(() => projectAlerts(entity, project, state ? [state] : null), [entity, project, state]);
  useEffect(
    () => subscribeAlerts(entity, project, { onLive: () => setLive(true), onAlert: () => reload(), onDown: () => setLive(false) }),
    [entity, project, reload],
  );
  useEffect(() => {
    const timer = setInterval(() => document.visibilityState === "visible" && reload(), live ? LIVE_POLL_MS : POLL_MS);
    return () => clearInterval(timer);
  }, [reload, live]);
  if (loaded.state === "loading") return <Loading />;
  if (loaded.state === "failed") return <Failure error={loaded.error} />;
  if (!loaded.value) return <Failure error="The project is gone." />;
  const page = loaded.value;
  return (
    <>
      <Rules page={page} reload={reload} />
      <section aria-labelledby="alerts-list-heading">
        <h2 id="alerts-list-heading">Recent alerts</h2>
        <p>
          <label>
            Alert state{" "}
            <select value={state} onChange={(e) => setState(e.currentTarget.value as AlertState | "")}>
              <option value="">All</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {s.toLowerCase()}
                </option>
              ))}
            </select>
          </label>{" "}
          <button type="button" onClick={reload}>
            Refresh alerts
          </button>{" "}
          <span class="muted" aria-live="polite">
            {live ? "Updates live" : `Refreshes every ${POLL_MS / 1000} s`}
          </span>
        </p>
        <Alerts page={page} reload={reload} />
      </section>
    </>
  );
}

function Rules({ page, reload }: { page: AlertsPage; reload: () => void }) {
  const canManage = page.viewerCanManageRules;
  const [editing, setEditing] = useState<MetricRule | "new" | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [act, error, busy] = useAction();
  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Metric rules</h2>
      {page.metricRules.length === 0 ? (
        <p class="muted">No rules: a rule checks a metric of every run as its lines arrive and opens an alert on a regression.</p>
      ) : (
        <table aria-label="Metric rules">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Checks</th>
              <th scope="col">Runs checked</th>
              <th scope="col">Also alerts on</th>
              <th scope="col">Changed</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {page.metricRules.map((rule) => (
              <tr key={rule.id}>
                <th scope="row">{rule.name}</th>
                <td class="wrap">{describeRule(rule)}</td>
                <td>
                  <code>{rule.scope && rule.scope !== "{}" ? rule.scope : "all"}</code>
                </td>
                <td>
                  {[rule.detectNonFinite && "NaN or ±Infinity", rule.detectFailed && "failed runs", rule.stallMinutes && `no value for ${rule.stallMinutes} min`]
                    .filter(Boolean)
                    .join(", ")}
                </td>
                <td>{when(rule.updatedAt)}</td>
                {canManage && (
                  <td>
                    <button type="button" aria-label={`Edit rule ${rule.name}`} onClick={() => (setEditing(rule), setStatus(null))}>
                      Edit
                    </button>{" "}
                    <button
                      type="button"
                      aria-label={`Delete rule ${rule.name}`}
                      disabled={busy}
                      onClick={() =>
                        confirm(`Delete the rule ${rule.name}? Its alerts stay.`) &&
                        act(async () => {
                          await deleteMetricRule(page.entityName, page.name, rule.name);
                          if (editing !== "new" && editing?.name === rule.name) setEditing(null);
                          setStatus(`Deleted rule ${rule.name}`);
                          reload();
                        })
                      }
                    >
                      Delete
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage && editing === null && (
        <p>
          <button type="button" onClick={() => (setEditing("new"), setStatus(null))}>
            New rule
          </button>
        </p>
      )}
      {status && (
        <p role="status" class="ok">
          {status}
        </p>
      )}
      {error && <Failure error={error} />}
      {canManage && editing !== null && (
        <RuleForm
          key={editing === "new" ? "new" : editing.id}
          page={page}
          rule={editing === "new" ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            setStatus(message);
            reload();
          }}
        />
      )}
    </section>
  );
}

function RuleForm({ page, rule, onCancel, onSaved }: { page: AlertsPage; rule: MetricRule | null; onCancel: () => void; onSaved: (message: string) => void }) {
  const [draft, setDraft] = useState<RuleDraft>(rule ? draftOf(rule) : EMPTY_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const [act, error, busy] = useAction();
  const set = (changes: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const text = (key: keyof RuleDraft, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label} <input value={draft[key] as string} onInput={(e) => set({ [key]: e.currentTarget.value })} {...extra} />
    </label>
  );
  const choice = (key: keyof RuleDraft, label: string, options: readonly string[], words: Record<string, string> = {}) => (
    <label>
      {label}{" "}
      <select value={draft[key] as string} onChange={(e) => set({ [key]: e.currentTarget.value })}>
        {options.map((o) => (
          <option key={o} value={o}>
            {words[o] ?? o.toLowerCase().replace(/_/g, " ")}
          </option>
        ))}
      </select>
    </label>
  );
  const check = (key: keyof RuleDraft, label: string) => (
    <label class="inline">
      <input type="checkbox" checked={draft[key] as boolean} onChange={(e) => set({ [key]: e.currentTarget.checked })} /> {label}
    </label>
  );
  const title = rule ? `Edit rule ${rule.name}` : "New metric rule";
  return (
    <form
      class="rule-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        const checked = rule ? updateInput(draft, rule, page.entityName, page.name) : createInput(draft, page.entityName, page.name);
        setProblem(checked.ok ? null : checked.error);
        if (!checked.ok) return;
        act(async () => {
          // updateInput answers when there is a rule, createInput when there is none
          const saved = rule ? await updateMetricRule(checked.input as UpdateMetricRuleInput) : await createMetricRule(checked.input as CreateMetricRuleInput);
          onSaved(rule ? `Saved rule ${saved.name}` : `Created rule ${saved.name}`);
        });
      }}
    >
      <h3>{title}</h3>
      <div class="fields">
        {text("name", "Rule name", { required: true })}
        {text("metric", "Metric", { required: true, placeholder: "loss" })}
        {choice("direction", "Direction", DIRECTIONS)}
        {choice("comparison", "Compare with", COMPARISONS, COMPARISON_WORDS)}
        {draft.comparison === "THRESHOLD" && text("threshold", "Threshold", { inputMode: "decimal" })}
        {draft.comparison === "BASELINE_GROUP" && text("baselineFilters", "Baseline runs", { class: "wide", placeholder: '{"tags": "reference"}' })}
        {text("tolerance", "Tolerance", { inputMode: "decimal", size: 6 })}
        {choice("toleranceKind", "Tolerance kind", TOLERANCE_KINDS)}
        {text("window", "Window", { inputMode: "numeric", size: 4 })}
        {choice("aggregate", "Window aggregate", AGGREGATES)}
        {text("warmupSteps", "Warm-up steps", { inputMode: "numeric", size: 6 })}
        {text("scope", "Runs checked", { class: "wide", placeholder: '{"config.dataset": "imagenet"} (empty: every run)' })}
        {text("stallMinutes", "Stall minutes", { inputMode: "numeric", size: 4 })}
        {check("detectNonFinite", "Alert on NaN or ±Infinity")}
        {check("detectFailed", "Alert when a run fails or crashes")}
      </div>
      <div class="buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {rule ? "Save rule" : "Create rule"}
        </button>
      </div>
      {(problem || error) && <Failure error={(problem ?? error)!} />}
    </form>
  );
}

function Alerts({ page, reload }: { page: AlertsPage; reload: () => void }) {
  const alerts = page.alerts.edges.map((e) => e.node);
  const canManage = page.viewerCanManageRules;
  if (alerts.length === 0) return <p class="muted">No alerts.</p>;
  return (
    <>
      <p class="muted" aria-live="polite">
        {page.alerts.totalCount !== null && page.alerts.totalCount > alerts.length
          ? `The newest ${alerts.length} of ${page.alerts.totalCount} alerts.`
          : alerts.length === 1 ? "1 alert." : `${alerts.length} alerts.`}
      </p>
      <table aria-label="Alerts">
        <thead>
          <tr>
            <th scope="col">Alert</th>
            <th scope="col">Severity</th>
            <th scope="col">State</th>
            <th scope="col">Run</th>
            <th scope="col">Rule</th>
            <th scope="col">Value</th>
            <th scope="col">Raised</th>
            {canManage && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {alerts.map((alert) => (
            <AlertRow key={alert.id} alert={alert} page={page} canManage={canManage} reload={reload} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function AlertRow({ alert, page, canManage, reload }: { alert: Alert; page: AlertsPage; canManage: boolean; reload: () => void }) {
  const [minutes, setMinutes] = useState(SNOOZES[0][0]);
  const [act, error, busy] = useAction();
  const snoozed = alert.snoozedUntil && new Date(alert.snoozedUntil).getTime() > Date.now();
  return (
    <tr class={`alert severity-${alert.severity.toLowerCase()}`}>
      <th scope="row" class="wrap">
        {alert.title}
        {alert.text && <div class="muted">{alert.text}</div>}
        {error && <Failure error={error} />}
      </th>
      <td>{alert.severity}</td>
      <td>
        {alert.state.toLowerCase()}
        {snoozed && <div class="muted">snoozed until {when(alert.snoozedUntil)}</div>}
      </td>
      <td>{alert.run ? <Link href={runPath(page.entityName, page.name, alert.run.name)}>{alert.run.displayName || alert.run.name}</Link> : ""}</td>
      <td>{alert.rule?.name ?? (alert.kind === "CLIENT" ? "raised by the run" : alert.kind.toLowerCase())}</td>
      <td>
        {alert.value !== null && formatNumber(alert.value)}
        {alert.baselineValue !== null && <span class="muted"> vs {formatNumber(alert.baselineValue)}</span>}
        {alert.step !== null && <div class="muted">step {alert.step}</div>}
      </td>
      <td>{when(alert.createdAt)}</td>
      {canManage && (
        <td>
          {alert.state === "OPEN" && (
            <button type="button" aria-label={`Acknowledge ${alert.title}`} disabled={busy} onClick={() => act(async () => (await acknowledgeAlert(alert.id), reload()))}>
              Acknowledge
            </button>
          )}{" "}
          {alert.state !== "RESOLVED" && (
            <span class="snooze">
              <select aria-label={`Snooze ${alert.title} for`} value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
                {SNOOZES.map(([m, label]) => (
                  <option key={m} value={m}>
                    {label}
                  </option>
                ))}
              </select>{" "}
              <button type="button" aria-label={`Snooze ${alert.title}`} disabled={busy} onClick={() => act(async () => (await snoozeAlert(alert.id, minutes), reload()))}>
                Snooze
              </button>
            </span>
          )}
        </td>
      )}
    </tr>
  );
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(4);
}
