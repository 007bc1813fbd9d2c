// The database schema, applied at every start by src/db/migrate.ts. Every statement is
// idempotent (IF NOT EXISTS), so running it again changes nothing.

// One node per id, for every kind of node the knowledge packs write.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT day_id IF NOT EXISTS FOR (n:Day) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT talk_id IF NOT EXISTS FOR (n:Talk) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT link_url IF NOT EXISTS FOR (n:Link) REQUIRE n.url IS UNIQUE;

// Every node of the knowledge graph also carries :Entity, so one id finds any node (node(id),
// path, graph exports). Ids are unique across kinds; a link's id is its URL.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;

// Talks and papers both carry :Work, the label the related-work queries walk.
CREATE CONSTRAINT work_id IF NOT EXISTS FOR (n:Work) REQUIRE n.id IS UNIQUE;

// Case-insensitive look-up of concepts and people by name or alias: `keys` holds the lowercased
// name and aliases, and this index each key as one keyword (a quoted query finds the nodes with
// that exact key). A range index on a list only serves equality with the whole list, so it served
// none of the look-ups (`key IN n.keys`), which read every concept and person instead.
DROP INDEX concept_keys IF EXISTS;
DROP INDEX person_keys IF EXISTS;
CREATE FULLTEXT INDEX name_keys IF NOT EXISTS
FOR (n:Concept|Person) ON EACH [n.keys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
CREATE INDEX work_year IF NOT EXISTS FOR (n:Work) ON (n.year);
CREATE INDEX talk_day_order IF NOT EXISTS FOR (n:Talk) ON (n.dayNumber, n.order);

// Full-text search over what a researcher types: titles, summaries, names, aliases, definitions,
// and on works the names of their concepts and people (conceptText, peopleText), so a talk is
// found by what it discusses and who gave it.
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Talk|Paper|Concept|Person)
ON EACH [n.title, n.summary, n.name, n.aliasText, n.definition, n.conceptText, n.peopleText];

// Search by meaning (src/embed/): each talk, paper and concept has one :Embedding node, the vector
// of its text under one model, kept apart so that the nodes' own properties stay small.
CREATE CONSTRAINT embedding_id IF NOT EXISTS FOR (n:Embedding) REQUIRE n.id IS UNIQUE;
// Its vectors are not quantized: quantized, the index found 85-91% of the exact 20 nearest nodes at
// 100,000 papers when asked for 40-80 candidates, against 92-95% unquantized, for about 1-2 ms more
// (bench/RESULTS.md, 2026-12-06). An index built quantized by an earlier version is rebuilt (src/db/migrate.ts).
CREATE VECTOR INDEX embedding_vector IF NOT EXISTS
FOR (n:Embedding) ON n.vector
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine', `vector.quantization.enabled`: false}};
// A concept's definition alone has a vector of its own on the same node (`definitionVector`): a
// phrasing of what a concept is often lies nearer its definition than its name, aliases and
// definition together ("overconfident neural networks" and Model calibration; bench/RESULTS.md,
// 2026-12-08). Search takes a concept at the nearer of its two vectors.
CREATE VECTOR INDEX embedding_definition_vector IF NOT EXISTS
FOR (n:Embedding) ON n.definitionVector
OPTIONS {indexConfig: {`vector.dimensions`: 384, `vector.similarity_function`: 'cosine', `vector.quantization.enabled`: false}};

// Imported records name works by their identifiers, and compare folded titles and names when
// they have none; references to works not yet in the graph wait as :UnresolvedReference.
CREATE INDEX paper_doi IF NOT EXISTS FOR (n:Paper) ON (n.doi);
CREATE INDEX paper_arxiv IF NOT EXISTS FOR (n:Paper) ON (n.arxiv);
CREATE INDEX paper_openalex IF NOT EXISTS FOR (n:Paper) ON (n.openalex);
CREATE INDEX paper_s2 IF NOT EXISTS FOR (n:Paper) ON (n.s2);
CREATE INDEX paper_dblp IF NOT EXISTS FOR (n:Paper) ON (n.dblp);
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.titleKey);
CREATE INDEX person_orcid IF NOT EXISTS FOR (n:Person) ON (n.orcid);
CREATE INDEX person_name_key IF NOT EXISTS FOR (n:Person) ON (n.nameKey);
CREATE CONSTRAINT unresolved_reference_key IF NOT EXISTS FOR (n:UnresolvedReference) REQUIRE n.key IS UNIQUE;
