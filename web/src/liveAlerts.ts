// The project's alerts as they happen: the alertEvents subscription over graphql-transport-ws.
// Whoever uses it keeps polling as the fallback: the socket may be refused (closed 4401 without
// credentials the server takes) or drop, and then `onDown` says so.
import { ALERT_EVENTS, type Alert } from "./ops";

export const PROTOCOL = "graphql-transport-ws";

export interface Handlers {
  onLive: () => void;
  onAlert: (alert: Alert) => void;
  onDown: (why: string) => void;
}

type Message = { type: string; id?: string; payload?: unknown };

/** One message from the server: what to answer (if anything) and what to tell the page. */
export function answer(message: Message, subscribe: Message, handlers: Handlers): Message | null {
  switch (message.type) {
    case "connection_ack":
      handlers.onLive();
      return subscribe;
    case "ping":
      return { type: "pong" };
    case "next": {
      const payload = message.payload as { data?: { alertEvents?: Alert }; errors?: { message: string }[] } | undefined;
      if (payload?.errors?.length) handlers.onDown(payload.errors[0].message);
      else if (payload?.data?.alertEvents) handlers.onAlert(payload.data.alertEvents);
      return null;
    }
    case "error": {
      const errors = message.payload as { message: string }[] | undefined;
      handlers.onDown(errors?.[0]?.message ?? "the subscription was refused");
      return null;
    }
    case "complete":
      handlers.onDown("the server ended the subscription");
      return null;
    default:
      return null;
  }
}

export function socketUrl(loc: { protocol: string; host: string }): string {
  return `${loc.protocol === "https:" ? "wss" : "ws"}://${loc.host}/graphql`;
}

/** Subscribe to the project's alert events; the returned function closes the socket. */
export function subscribeAlerts(entityName: string, projectName: string, handlers: Handlers): () => void {
  let closed = false;
  let socket: WebSocket;
  try {
    socket = new WebSocket(socketUrl(location), PROTOCOL);
  } catch (e) {
    handlers.onDown((e as Error).message);
    return () => {};
  }
  const subscribe: Message = { id: "alerts", type: "subscribe", payload: { query: ALERT_EVENTS, variables: { entityName, projectName } } };
  socket.onopen = () => socket.send(JSON.stringify({ type: "connection_init", payload: {} }));
  socket.onmessage = (event) => {
    let message: Message;
    try {
      message = JSON.parse(String(event.data));
    } catch {
      return;
    }
    const reply = answer(message, subscribe, handlers);
    if (reply) socket.send(JSON.stringify(reply));
  };
  socket.onclose = (event) => {
    if (!closed) handlers.onDown(event.code === 4401 ? "the live feed needs credentials" : `the live feed closed (${event.code})`);
  };
  return () => {
    closed = true;
    socket.close();
  };
}
