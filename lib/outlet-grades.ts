// An outlet's grades when only its articles were graded (an old document, an old database: migration 0013 says
// the same in SQL): its current grade is its latest article's, and its history holds each grade its articles
// had, dated by the earliest article with it. An article without a date counts as of `today` (when it is
// entered); with no such day it dates a grade only when no dated article has that grade, and counts as older
// than every dated one.
import type { Reliability } from '@/lib/domain';

export type GradedArticle = { outlet: string; publishedOn: string | null; reliability: Reliability };
export type OutletGrades = { name: string; current: Reliability; gradings: { reliability: Reliability; on: string | null }[] };

// No day sorts before every day.
const day = (on: string | null) => on ?? '';

/** One entry per outlet, whatever the case of its name, named as first written, in the order first seen. */
export function outletGrades(articles: readonly GradedArticle[], today: string | null): OutletGrades[] {
  const byName = new Map<string, { name: string; latest: { on: string | null; reliability: Reliability }; first: Map<Reliability, string | null> }>();
  for (const a of articles) {
    const name = a.outlet.trim();
    const on = a.publishedOn ?? today;
    const entry = byName.get(name.toLowerCase());
    if (!entry) {
      byName.set(name.toLowerCase(), { name, latest: { on, reliability: a.reliability }, first: new Map([[a.reliability, on]]) });
      continue;
    }
    // Of two articles of the same day, the later listed is the latest.
    if (day(on) >= day(entry.latest.on)) entry.latest = { on, reliability: a.reliability };
    const seen = entry.first.get(a.reliability);
    // A known day dates a grade before an unknown one does: an undated article never hides when a grade was first seen.
    if (seen === undefined || (on !== null && (seen === null || on < seen))) entry.first.set(a.reliability, on);
  }
  return [...byName.values()].map(({ name, latest, first }) => ({
    name,
    current: latest.reliability,
    gradings: [...first].map(([reliability, on]) => ({ reliability, on })).sort((x, y) => day(x.on).localeCompare(day(y.on)) || x.reliability.localeCompare(y.reliability)),
  }));
}
