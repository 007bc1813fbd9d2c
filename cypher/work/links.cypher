UNWIND $ids AS id
MATCH (w:Work {id: id})-[r:HAS_LINK]->(l:Link)
RETURN id, l {.url, .kind, .label, asWritten: r.asWritten, corrected: r.corrected} AS link, r {.document, .line, .quote, .url, .record, .field, .origin, .confidence} AS source
ORDER BY r.line, l.url
