/**
 * The site filter's sites, one per site however its articles name it: an article with no
 * declared site name (a link to read, a page without `og:site_name`) is filed under the name
 * its host's other articles declare, so "nytimes.com" and "The New York Times" are one site.
 * Two hosts that declare the same name are one site too; a host without any declared name is
 * its own site, named by the host.
 */

export interface SiteCount {
  /** The site's name as its articles declare it, else the host. */
  site: string;
  /** The filter's value: the folded name, or the host. */
  key: string;
  count: number;
}

/** What the grouping needs of an indexed article. */
export interface SiteDoc {
  site: string;
  /** The folded site name (the host when the article declares none). */
  siteKey: string;
  /** keys.ts `hostKey`. */
  host: string;
}

type Named = Map<string, Map<string, number>>;

/** For each host, how often each declared (folded) name is used there. */
function declaredNames(docs: Iterable<SiteDoc | undefined>): Named {
  const named: Named = new Map();
  for (const doc of docs) {
    if (!doc || doc.siteKey === doc.host) continue;
    const names = named.get(doc.host) ?? new Map<string, number>();
    named.set(doc.host, names);
    names.set(doc.siteKey, (names.get(doc.siteKey) ?? 0) + 1);
  }
  return named;
}

/** The site an article is filed under: its own declared name, else its host's, else its host. */
function groupKey(doc: SiteDoc, named: Named): string {
  if (doc.siteKey !== doc.host) return doc.siteKey;
  const names = named.get(doc.host);
  if (!names) return doc.host;
  let best = doc.host;
  let most = 0;
  for (const [key, count] of names) {
    if (count > most) [best, most] = [key, count];
  }
  return best;
}

/** The sites of `docs` with their counts, most articles first. */
export function siteCounts(docs: readonly (SiteDoc | undefined)[]): SiteCount[] {
  const named = declaredNames(docs);
  const counts = new Map<string, SiteCount>();
  for (const doc of docs) {
    if (!doc?.siteKey) continue;
    const key = groupKey(doc, named);
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { site: key === doc.siteKey ? doc.site : key, key, count: 1 });
    if (entry && entry.site === entry.key && doc.siteKey === key) entry.site = doc.site;
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
}

/** Whether an article is in the site `key` (a `SiteCount.key`, or a folded site name). */
export function siteFilter(docs: readonly (SiteDoc | undefined)[], key: string): (doc: SiteDoc) => boolean {
  const named = declaredNames(docs);
  return (doc) => doc.siteKey === key || groupKey(doc, named) === key;
}
