/** Small DOM helpers for the explorer page. */
import type { Source } from './queries.js';

/** The page's element with this id, which must be of `type` (index.html has them all). */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const element = document.getElementById(id);
  if (element instanceof type) return element;
  throw new Error(`The page has no ${type.name} #${id}`);
}

export const $ = (id: string) => byId(id, HTMLElement);

/** What `h` takes as children: text, nodes, or nothing (null, undefined, false), nested in arrays at will. */
export type Child = Node | string | null | undefined | false | Child[];

/** Attributes of `h`: `className`, a click handler, and plain attributes (true: present, null/false: absent). */
export interface Attributes {
  className?: string;
  onclick?: (event: MouseEvent) => void;
  [name: string]: string | number | boolean | null | undefined | ((event: MouseEvent) => void);
}

export function present(children: Child[]): (Node | string)[] {
  return children.flatMap((child) =>
    Array.isArray(child) ? present(child) : child === null || child === undefined || child === false ? [] : [child],
  );
}

/** Builds an element; children may be strings, nodes, null or arrays of them. */
export function h(tag: string, attrs: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  const { className, onclick, ...rest } = attrs;
  if (className) element.className = className;
  if (onclick) element.addEventListener('click', onclick);
  for (const [key, value] of Object.entries(rest)) {
    if (value === null || value === undefined || value === false || typeof value === 'function') continue;
    element.setAttribute(key, value === true ? '' : String(value));
  }
  element.append(...present(children));
  return element;
}

export const humanize = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/**
 * A fact's quote and where it is: a line of the notes, or an imported record (file, record id and
 * field); an automatic fact says so, how it was found and how sure the matcher is.
 */
export function quote(source: Source | null | undefined) {
  if (!source) return null;
  const where = source.record
    ? `${source.document ?? 'import'}, ${source.record}${source.field ? ` (${source.field})` : ''}`
    : source.line != null
      ? `line ${source.line}`
      : (source.document ?? '');
  const how = source.origin
    ? [humanize(source.origin), source.foundBy && `by ${humanize(source.foundBy)}`, source.confidence?.toFixed(2)]
        .filter(Boolean)
        .join(', ')
    : null;
  return h(
    'blockquote',
    { className: 'quote' },
    h('span', { className: 'line' }, where),
    ` “${source.quote}”`,
    how && h('span', { className: 'origin', title: 'Not written by the notes or a curator' }, ` ${how}`),
  );
}

/** A titled section of the side panel, or null when it would be empty. */
export function section(title: string, ...content: Child[]) {
  const items = present(content).filter((item) => item !== '');
  return items.length ? h('section', { className: 'panel-section' }, h('h3', {}, title), items) : null;
}
