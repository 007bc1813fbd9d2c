// An export's curation log, each Change record as it was.
UNWIND $rows AS row
MERGE (c:Change {id: row.id})
SET c = row, c.at = datetime(row.at)
