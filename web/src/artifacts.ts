// Artifact page logic: aliases (which a person may set), who may write, and how versions are named.

export interface AliasRow {
  alias: string;
  artifactCollection: { name: string } | null;
}

/** Why an alias cannot be given (null: it can); the server's own rules (app/domain/artifacts.py check_alias). */
export function aliasProblem(alias: string, existing: string[] = []): string | null {
  if (!alias) return "Type an alias.";
  if (alias.length > 128) return "An alias has at most 128 characters.";
  if ([...alias].some((c) => c === "/" || c === ":" || c.charCodeAt(0) < 32)) return "An alias cannot hold '/' or ':'.";
  if (alias === "latest" || /^v\d+$/.test(alias)) return `"${alias}" is reserved: the server sets latest and vN.`;
  if (existing.includes(alias)) return `This version already has the alias "${alias}".`;
  return null;
}

/** latest and vN are the server's; a person adds and removes only the others. */
export function isReservedAlias(alias: string): boolean {
  return alias === "latest" || /^v\d+$/.test(alias);
}

/** The aliases a version holds in one collection, vN first, then latest, then the rest by name. */
export function aliasesIn(aliases: AliasRow[], collection: string): string[] {
  const names = [...new Set(aliases.filter((a) => !a.artifactCollection || a.artifactCollection.name === collection).map((a) => a.alias))];
  const rank = (a: string) => (/^v\d+$/.test(a) ? 0 : a === "latest" ? 1 : 2);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The aliases of a version a person chose (not latest or vN). */
export function customAliases(aliases: AliasRow[], collection: string): string[] {
  return aliasesIn(aliases, collection).filter((a) => !isReservedAlias(a));
}

/** "dataset:v3". */
export function versionName(collection: string, versionIndex: number | null): string {
  return `${collection}:${versionIndex === null ? "pending" : `v${versionIndex}`}`;
}

/** The metadata JSON string as sorted rows of key and value (nested values as JSON). */
export function metadataRows(metadata: string | null): [string, string][] {
  if (!metadata) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    return [["(metadata)", metadata]];
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return [["(metadata)", JSON.stringify(parsed)]];
  return Object.entries(parsed as Record<string, unknown>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
}

/** The line a script uses to fetch the version with the wandb client. */
export function useArtifactSnippet(entity: string, project: string, collection: string, version: string): string {
  return `run.use_artifact("${entity}/${project}/${collection}:${version}")`;
}
