/**
 * The comparison server: the Neo4j GraphQL Library (@neo4j/graphql 7) over the same labels,
 * relationships and properties as our API, for the queries both can answer (a talk by id with
 * its concepts and people; a concept, its works, their people and concepts; full-text search on
 * papers through the existing `search` index). Type definitions only; no custom resolvers.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';

export const neo4jGraphQLTypeDefs = /* GraphQL */ `
  type Discussion @relationshipProperties {
    document: String
    line: Int
    quote: String
  }

  type Contribution @relationshipProperties {
    role: String!
    origin: String
    line: Int
    quote: String
  }

  interface Work {
    id: ID!
    title: String!
    year: Int
    concepts: [Concept!]! @declareRelationship
    people: [Person!]! @declareRelationship
  }

  type Talk implements Work @node {
    id: ID!
    title: String!
    summary: String
    kind: String
    year: Int
    dayNumber: Int
    order: Int
    concepts: [Concept!]! @relationship(type: "DISCUSSES", direction: OUT, properties: "Discussion")
    people: [Person!]! @relationship(type: "CONTRIBUTED_TO", direction: IN, properties: "Contribution")
    presents: [Paper!]! @relationship(type: "PRESENTS", direction: OUT)
  }

  type Paper implements Work
    @node
    @fulltext(indexes: [{ indexName: "search", queryName: "searchPapers", fields: ["title", "conceptText", "peopleText"] }]) {
    id: ID!
    title: String!
    year: Int
    venue: String
    arxiv: String
    conceptText: String
    peopleText: String
    concepts: [Concept!]! @relationship(type: "DISCUSSES", direction: OUT, properties: "Discussion")
    people: [Person!]! @relationship(type: "CONTRIBUTED_TO", direction: IN, properties: "Contribution")
    presentedAt: [Talk!]! @relationship(type: "PRESENTS", direction: IN)
  }

  type Concept @node {
    id: ID!
    name: String!
    aliases: [String!]
    definition: String
    works: [Work!]! @relationship(type: "DISCUSSES", direction: IN, properties: "Discussion")
  }

  type Person @node {
    id: ID!
    name: String!
    aliases: [String!]
    works: [Work!]! @relationship(type: "CONTRIBUTED_TO", direction: OUT, properties: "Contribution")
  }
`;

export function neo4jGraphQLSchema(driver: Driver): Promise<GraphQLSchema> {
  return new Neo4jGraphQL({ typeDefs: neo4jGraphQLTypeDefs, driver }).getSchema();
}
