import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { ALERT_EVENTS } from "./ops";
import { PROTOCOL, answer, socketUrl, type Handlers } from "./liveAlerts";

function recorder() {
  const told: string[] = [];
  const handlers: Handlers = {
    onLive: () => told.push("live"),
    onAlert: (a) => told.push(`alert ${a.title}`),
    onDown: (why) => told.push(`down: ${why}`),
  };
  return { told, handlers };
}

const SUBSCRIBE = { id: "alerts", type: "subscribe", payload: {} };

describe("the live alert feed (graphql-transport-ws)", () => {
  it("subscribes once the server acknowledges, answers pings, passes alerts on", () => {
    const { told, handlers } = recorder();
    expect(answer({ type: "connection_ack" }, SUBSCRIBE, handlers)).toBe(SUBSCRIBE);
    expect(answer({ type: "ping" }, SUBSCRIBE, handlers)).toEqual({ type: "pong" });
    expect(answer({ type: "next", id: "alerts", payload: { data: { alertEvents: { title: "loss regressed" } } } }, SUBSCRIBE, handlers)).toBeNull();
    expect(told).toEqual(["live", "alert loss regressed"]);
  });

  it("says when the feed is down, so the page goes on polling", () => {
    const { told, handlers } = recorder();
    answer({ type: "next", id: "alerts", payload: { errors: [{ message: "project not found" }] } }, SUBSCRIBE, handlers);
    answer({ type: "error", id: "alerts", payload: [{ message: "refused" }] }, SUBSCRIBE, handlers);
    answer({ type: "complete", id: "alerts" }, SUBSCRIBE, handlers);
    expect(answer({ type: "pong" }, SUBSCRIBE, handlers)).toBeNull();
    expect(told).toEqual(["down: project not found", "down: refused", "down: the server ended the subscription"]);
  });

  it("speaks to /graphql on the page's own host, and the subscription is valid", () => {
    expect(socketUrl({ protocol: "https:", host: "labbook.example:8443" })).toBe("wss://labbook.example:8443/graphql");
    expect(socketUrl({ protocol: "http:", host: "127.0.0.1:8080" })).toBe("ws://127.0.0.1:8080/graphql");
    expect(PROTOCOL).toBe("graphql-transport-ws");
    const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
    expect(validate(schema, parse(ALERT_EVENTS)).map((e) => e.message)).toEqual([]);
  });
});
