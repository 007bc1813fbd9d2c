MATCH (w:Work {id: $work}), (c:Concept {id: $concept})
MERGE (w)-[r:DISCUSSES]->(c)
ON CREATE SET r.curatedBy = $by, r.curatedAt = datetime()
SET r.document = $source.document, r.line = $source.line, r.quote = $source.quote, r.url = $source.url
WITH w
SET w.conceptText = reduce(text = '', name IN COLLECT {
      MATCH (w)-[:DISCUSSES]->(x:Concept) RETURN x.name + ' ' + coalesce(x.aliasText, '')
    } | text + name + ' | ')
RETURN w {.*, __type: CASE WHEN w:Talk THEN 'Talk' ELSE 'Paper' END} AS node
