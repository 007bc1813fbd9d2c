/**
 * One vocabulary: every node label and relationship type that a statement in cypher/ writes or
 * matches is one that src/model/vocabulary.ts defines, so a type renamed there cannot silently
 * leave a statement behind (or the other way round).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupLabels, nodeTypes, relationshipTypes, storageLabels, storageRelationshipTypes } from '../../src/model/vocabulary.js';

const cypherDir = path.resolve(import.meta.dirname, '../../cypher');
const statements = readdirSync(cypherDir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.cypher'))
  .map((file) => ({ file, text: readFileSync(path.join(cypherDir, file), 'utf8').replace(/\/\/.*$/gm, '') }));

const LABELS = String.raw`([A-Z][A-Za-z]*(?:\s*[|&]\s*[A-Z][A-Za-z]*)*)`;
/** `(n:Talk|Paper`, `WHERE w:Talk`, `SET n:Entity`: node patterns and label predicates. */
const labelsIn = (text: string) =>
  [...text.matchAll(new RegExp(String.raw`(?:\(\s*\w*|\b(?:WHERE|AND|OR|NOT|SET|REMOVE|WHEN|THEN)\s+\w+)\s*:\s*` + LABELS, 'g'))].flatMap(
    (m) => m[1]!.split(/\s*[|&]\s*/),
  );
/** `[r:CITES|RELATED*1..5]`, `-[:DISCUSSES]->`: the types of relationship patterns. */
const typesIn = (text: string) =>
  [...text.matchAll(/\[\s*\w*\s*:\s*([A-Z_]+(?:\s*\|\s*[A-Z_]+)*)/g)].flatMap((m) => m[1]!.split(/\s*\|\s*/));

describe('the vocabulary of cypher/', () => {
  it('finds statements to check', () => {
    expect(statements.length).toBeGreaterThan(40);
    expect(labelsIn('MATCH (t:Talk)-[r:PRESENTS]->(p:Paper|Work) WHERE p:Entity RETURN {kind: CASE WHEN p:Talk THEN 1 END}')).toEqual([
      'Talk',
      'Paper',
      'Work',
      'Entity',
      'Talk',
    ]);
    expect(typesIn('MATCH (s)-[r:FOLLOW_UP_READ|RELATED*1..5]->(w)')).toEqual(['FOLLOW_UP_READ', 'RELATED']);
  });

  it('uses only the node labels of src/model/vocabulary.ts', () => {
    const known = new Set<string>([...nodeTypes, ...groupLabels, ...storageLabels]);
    const unknown = statements.flatMap(({ file, text }) =>
      labelsIn(text)
        .filter((l) => !known.has(l))
        .map((l) => `${file}: ${l}`),
    );
    expect(unknown).toEqual([]);
  });

  it('uses only the relationship types of src/model/vocabulary.ts', () => {
    const known = new Set<string>([...relationshipTypes, ...storageRelationshipTypes]);
    const unknown = statements.flatMap(({ file, text }) =>
      typesIn(text)
        .filter((t) => !known.has(t))
        .map((t) => `${file}: ${t}`),
    );
    expect(unknown).toEqual([]);
  });
});
