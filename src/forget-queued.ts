/**
 * /forgetme and the outbox: a summary queued before the caller asked to be forgotten was rendered
 * with their comments in it. Final summaries are rendered at delivery (from the store, so they are
 * already clean); a queued summary view is not, so its copy of the caller's comments is cut here.
 * Summaries carry no author ids, so a comment is recognised by proposal and exact text; another
 * participant's identical comment on the same proposal goes too (erring on the side of forgetting).
 */
import type { OutboxItem } from './outbox.ts';
import type { Reaction } from './model.ts';

/** "sid number" → comment texts of the caller there. */
export type ForgottenComments = Map<string, Set<string>>;

export function forgottenComments(places: Array<{ sid: string; number: number }>, reactions: Array<Reaction | undefined>): ForgottenComments {
  const out: ForgottenComments = new Map();
  places.forEach(({ sid, number }, i) => {
    const text = reactions[i]?.comment;
    if (!text) return;
    const at = `${sid} ${number}`;
    out.set(at, (out.get(at) ?? new Set()).add(text));
  });
  return out;
}

/** The item without the forgotten comments, or undefined when it holds none of them. */
export function withoutForgotten(item: OutboxItem, forgotten: ForgottenComments): OutboxItem | undefined {
  const view = item.view;
  if (forgotten.size === 0 || view?.kind !== 'summary') return undefined;
  let changed = false;
  const proposals = view.summary.proposals.map((p) => {
    const gone = forgotten.get(`${view.summary.id} ${p.number}`);
    if (!gone) return p;
    const comments = p.comments.filter((c) => !gone.has(c.text));
    if (comments.length === p.comments.length) return p;
    changed = true;
    return { ...p, comments };
  });
  return changed ? { ...item, view: { ...view, summary: { ...view.summary, proposals } } } : undefined;
}
