/**
 * The JSON-shaped formats: OpenAlex works, Semantic Scholar Graph API papers, arXiv's OAI
 * metadata snapshot and CSL-JSON. Each maps one parsed JSON object to a work record; fields the
 * record does not use are ignored. Where a record's id is missing, its position names it.
 */
import {
  type Author,
  compact,
  idKeys,
  normaliseArxiv,
  normaliseDoi,
  normaliseOpenAlex,
  normaliseOrcid,
  type WorkIds,
  type WorkRecord,
  yearOf,
} from '../records.js';

export interface Place {
  /** The file (or source) name. */
  file: string;
  line?: number;
  /** 1-based position of the record in the file. */
  index: number;
}

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const obj = (value: unknown): Json => (isJson(value) ? value : {});
const names = (value: unknown, key = 'display_name'): string[] =>
  list(value)
    .map((v) => str(obj(v)[key]))
    .filter((v): v is string => !!v);

/** A record is named by its own id in the source, else by its first identifier, else by its position. */
function source(place: Place, record: string | undefined, ids: WorkIds = {}): WorkRecord['source'] {
  return compact({ name: place.file, record: record ?? idKeys(ids)[0] ?? `#${place.index}`, line: place.line });
}

/** arXiv ids hide in URLs ("https://arxiv.org/abs/1701.07875v2"). */
function arxivFromUrl(url: unknown): string | undefined {
  const match = /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+)/i.exec(String(url ?? ''));
  return match ? normaliseArxiv(match[1]) : undefined;
}

/** OpenAlex keeps abstracts as an inverted index (word -> positions); this puts the words back in order. */
export function abstractFromInvertedIndex(index: unknown): string | undefined {
  const words: string[] = [];
  for (const [word, positions] of Object.entries(obj(index))) {
    for (const position of list(positions))
      if (typeof position === 'number' && Number.isInteger(position) && position >= 0 && position < 100_000) words[position] = word;
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text || undefined;
}

export function fromOpenAlex(work: Json, place: Place): WorkRecord {
  const ids = obj(work.ids);
  const locations = [work.primary_location, work.best_oa_location, ...list(work.locations)].map(obj);
  const arxiv = locations.map((l) => arxivFromUrl(l.landing_page_url) ?? arxivFromUrl(l.pdf_url)).find(Boolean);
  const openalex = normaliseOpenAlex(work.id ?? ids.openalex);
  const title = str(work.title) ?? str(work.display_name);
  return {
    source: source(place, openalex),
    ids: compact({ doi: normaliseDoi(work.doi ?? ids.doi), arxiv, openalex }),
    title: title ?? '',
    ...compact({
      year: yearOf(work.publication_year ?? work.publication_date),
      venue: str(obj(obj(work.primary_location).source).display_name),
      url: locations.map((l) => str(l.landing_page_url)).find((u) => u && /^https?:/.test(u)),
      abstract: abstractFromInvertedIndex(work.abstract_inverted_index) ?? str(work.abstract),
    }),
    authors: list(work.authorships).map((a): Author => {
      const author = obj(obj(a).author);
      return compact({ name: str(author.display_name) ?? str(obj(a).raw_author_name) ?? '', orcid: normaliseOrcid(author.orcid) });
    }),
    references: list(work.referenced_works)
      .map((r) => compact({ openalex: normaliseOpenAlex(r) }))
      .filter((r) => r.openalex),
    concepts: [...names(work.concepts), ...names(work.topics), ...names(work.keywords)],
    fields: {
      title: work.title ? 'title' : 'display_name',
      year: 'publication_year',
      venue: 'primary_location.source.display_name',
      abstract: 'abstract_inverted_index',
      authors: 'authorships',
      references: 'referenced_works',
      concepts: 'concepts',
    },
  };
}

function s2Ids(paper: Json): WorkIds {
  const external = obj(paper.externalIds);
  return compact({
    doi: normaliseDoi(external.DOI),
    arxiv: normaliseArxiv(external.ArXiv),
    s2: /^[0-9a-f]{40}$/.test(String(paper.paperId ?? '')) ? String(paper.paperId) : undefined,
    dblp: str(external.DBLP),
  });
}

export function fromSemanticScholar(paper: Json, place: Place): WorkRecord {
  const ids = s2Ids(paper);
  return {
    source: source(place, ids.s2, ids),
    ids,
    title: str(paper.title) ?? '',
    ...compact({
      year: yearOf(paper.year ?? paper.publicationDate),
      venue: str(paper.venue) ?? str(obj(paper.publicationVenue).name),
      url: str(paper.url),
      abstract: str(paper.abstract) ?? str(obj(paper.tldr).text),
    }),
    authors: list(paper.authors).map((a) => ({ name: str(obj(a).name) ?? '' })),
    references: list(paper.references)
      .map((r) => s2Ids(obj(obj(r).citedPaper ?? r)))
      .filter((r) => Object.keys(r).length > 0),
    concepts: [...list(paper.fieldsOfStudy).filter((f): f is string => typeof f === 'string'), ...names(paper.s2FieldsOfStudy, 'category')],
    fields: {
      title: 'title',
      year: 'year',
      venue: 'venue',
      abstract: paper.abstract ? 'abstract' : 'tldr',
      authors: 'authors',
      references: 'references',
      concepts: 'fieldsOfStudy',
    },
  };
}

/** One line of arXiv's OAI metadata snapshot (as mirrored on Kaggle): `authors_parsed` is [last, first, suffix]. */
export function fromArxiv(entry: Json, place: Place): WorkRecord {
  const arxiv = normaliseArxiv(entry.id);
  const parsed = list(entry.authors_parsed).map((a) => list(a).map((p) => String(p ?? '').trim()));
  const firstVersion = obj(list(entry.versions)[0]);
  const created = Date.parse(String(firstVersion.created ?? ''));
  return {
    source: source(place, arxiv ?? str(entry.id)),
    ids: compact({ arxiv, doi: normaliseDoi(entry.doi) }),
    title: oneLine(str(entry.title)) ?? '',
    ...compact({
      year: Number.isNaN(created) ? yearOf(entry.update_date) : new Date(created).getUTCFullYear(),
      venue: oneLine(str(entry['journal-ref'])),
      url: arxiv ? `https://arxiv.org/abs/${arxiv}` : undefined,
      abstract: oneLine(str(entry.abstract)),
    }),
    authors: parsed.map(([last = '', first = '', suffix = '']) => ({ name: [first, last, suffix].filter(Boolean).join(' ') })),
    references: [],
    concepts: String(entry.categories ?? '')
      .split(/\s+/)
      .filter(Boolean),
    fields: {
      title: 'title',
      year: 'versions',
      venue: 'journal-ref',
      abstract: 'abstract',
      authors: 'authors_parsed',
      concepts: 'categories',
    },
  };
}

/** CSL-JSON, as Zotero and Mendeley export it. */
export function fromCsl(item: Json, place: Place): WorkRecord {
  const url = str(item.URL);
  const note = String(item.note ?? '');
  const arxiv =
    arxivFromUrl(url) ??
    normaliseArxiv(/arXiv:\s*(\S+)/i.exec(note)?.[1]) ??
    (/arxiv/i.test(String(item.publisher ?? item['container-title'] ?? '')) ? normaliseArxiv(item.number) : undefined);
  const issued = obj(item.issued);
  const ids = compact({ doi: normaliseDoi(item.DOI), arxiv });
  return {
    source: source(place, str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined), ids),
    ids,
    title: str(item.title) ?? '',
    ...compact({
      year: yearOf(list(list(issued['date-parts'])[0])[0] ?? issued.raw ?? issued.literal),
      venue: str(item['container-title']) ?? str(item['event-title']),
      url,
      abstract: str(item.abstract),
    }),
    authors: list(item.author).map((a) => {
      const author = obj(a);
      return {
        name:
          str(author.literal) ?? [str(author.given), str(author['non-dropping-particle']), str(author.family)].filter(Boolean).join(' '),
      };
    }),
    references: [],
    concepts: String(item.keyword ?? '')
      .split(/[,;]\s*/)
      .map((k) => k.trim())
      .filter(Boolean),
    fields: { title: 'title', year: 'issued', venue: 'container-title', abstract: 'abstract', authors: 'author', concepts: 'keyword' },
  };
}

function oneLine(text: string | undefined): string | undefined {
  return text?.replace(/\s+/g, ' ').trim();
}
