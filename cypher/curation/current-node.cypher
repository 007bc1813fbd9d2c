// The public fields of a node a curator can change, with its version: what a CONFLICT shows.
MATCH (n:Entity {id: $id})
WHERE any(label IN labels(n) WHERE label IN $labels)
RETURN n {
  .id, .name, .title, .aliases, .definition, .affiliation, .kind, .summary, .order, .dayNumber, .year, .venue, .arxiv, .doi, .url,
  version: coalesce(n.version, 0), __type: head([l IN labels(n) WHERE l IN $labels])
} AS node
