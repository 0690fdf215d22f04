import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { signOut, whenSignedOut } from "./api";
import { viewer as loadViewer, type Viewer } from "./ops";
import { navigate, parseRoute, useLocation, type Route } from "./router";
import { Link, Loading, NotFound } from "./util";
import { LoginPage } from "./pages/Login";
import { HomePage } from "./pages/Home";
import { EntityPage } from "./pages/Entity";
import { ProjectPage } from "./pages/Project";
import { RunPage } from "./pages/Run";
import { ArtifactCollectionPage } from "./pages/ArtifactCollection";
import { ArtifactVersionPage } from "./pages/ArtifactVersion";
import { TeamPage } from "./pages/Team";
import { SettingsPage } from "./pages/Settings";
import "./style.css";

function toLogin(): void {
  if (location.pathname !== "/login") navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, true);
}

function App() {
  const { pathname, search } = useLocation();
  const route = parseRoute(pathname, search);
  const [viewer, setViewer] = useState<Viewer | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const refreshViewer = () => setVersion((v) => v + 1);

  useEffect(() => whenSignedOut(() => setViewer(null)), []);
  useEffect(() => {
    loadViewer().then(setViewer, () => setViewer(null));
  }, [version, route.page === "login"]);
  useEffect(() => {
    if (viewer === null && route.page !== "login") toLogin();
  }, [viewer, route.page]);

  const signedIn = () => {
    setViewer(undefined);
    refreshViewer();
  };
  if (route.page === "login") return <LoginPage next={route.next} onSignedIn={signedIn} />;
  if (viewer === undefined || viewer === null) return <Loading />;
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <Header viewer={viewer} route={route} />
      <main id="main">
        <Page route={route} viewer={viewer} refreshViewer={refreshViewer} />
      </main>
    </>
  );
}

function Header({ viewer, route }: { viewer: Viewer; route: Route }) {
  const teams = viewer.teams.edges.map((e) => e.node.name);
  return (
    <header>
      <nav aria-label="Main">
        <Link href="/" class="brand">
          Labbook
        </Link>
        <Link href={`/${viewer.username}`}>Projects</Link>
        {teams.map((t) => (
          <Link key={t} href={`/${t}`}>
            {t}
          </Link>
        ))}
        <span class="spacer" />
        <Link href="/settings" aria-current={route.page === "settings" ? "page" : undefined}>
          Settings
        </Link>
        <span class="muted">{viewer.username}</span>
        <button
          type="button"
          onClick={async () => {
            await signOut();
            navigate("/login", true);
          }}
        >
          Sign out
        </button>
      </nav>
    </header>
  );
}

function Page({ route, viewer, refreshViewer }: { route: Route; viewer: Viewer; refreshViewer: () => void }) {
  switch (route.page) {
    case "home":
      return <HomePage viewer={viewer} refreshViewer={refreshViewer} />;
    case "entity":
      return <EntityPage name={route.entity} />;
    case "project":
      return <ProjectPage entity={route.entity} project={route.project} view={route.view} viewer={viewer} />;
    case "run":
      return <RunPage entity={route.entity} project={route.project} run={route.run} />;
    case "artifactCollection":
      return <ArtifactCollectionPage entity={route.entity} project={route.project} type={route.type} collection={route.collection} />;
    case "artifactVersion":
      return <ArtifactVersionPage entity={route.entity} project={route.project} type={route.type} collection={route.collection} version={route.version} />;
    case "team":
      return <TeamPage name={route.team} />;
    case "settings":
      return <SettingsPage viewer={viewer} refreshViewer={refreshViewer} />;
    default:
      return <NotFound />;
  }
}

render(<App />, document.getElementById("app")!);
