/**
 * The document GraphiQL opens with: one example operation per thing a newcomer wants to try,
 * each answered by the ICML 2017 graph. Pick one in GraphiQL's run menu.
 */
export const exampleOperations = `# Welcome! Each operation below runs against the ICML 2017 knowledge graph.
# Press the run button and pick one.

# Find anything: titles, summaries, concepts (with aliases), people. Typos are forgiven.
query Search {
  search(query: "birthday paradox", first: 5) {
    totalCount
    edges {
      score
      node {
        __typename
        ... on Talk { title summary day { number title } }
        ... on Paper { title year }
        ... on Concept { name aliases }
        ... on Person { name }
      }
    }
  }
}

# A concept by name or alias, with its neighbours and the works that discuss it.
query Concept {
  concept(name: "EWC") {
    name
    aliases
    definition
    broader { name }
    related { name }
    works(first: 10) { totalCount edges { node { title kind } } }
  }
}

# What relates to a concept, ranked, and why.
query RelatedToConcept {
  relatedToConcept(concept: "Lipschitz constraint", first: 5) {
    score
    work { title kind }
    reasons { kind weight description source { line quote } }
  }
}

# Related work for a talk (the DiscoGAN talk), with the line of the notes behind each reason.
query RelatedWork {
  relatedWork(to: ["learning-to-discover-cross-domain-relations-with-gans"], first: 5) {
    score
    work { title kind }
    reasons { kind description nodes { __typename ... on Concept { name } ... on Person { name } } source { line quote } }
  }
}

# The reading trail the notes suggest from a talk; where they run out, the strongest related work.
query ReadingTrail {
  readingTrail(from: "generalization-and-equilibrium-in-gans", depth: 3) {
    notesDepth
    exhausted
    message
    steps { depth via type reason score work { title } source { line quote } }
  }
}

# How two works connect: the paths that explain the most first, each step in a sentence.
query Paths {
  paths(from: "wasserstein-gan", to: "elastic-weight-consolidation", first: 3) {
    paths {
      cost
      length
      nodes { __typename ... on Talk { title } ... on Paper { title } ... on Concept { name } ... on Session { title } }
      edges { type reason source { line quote } }
    }
  }
}

# The whole programme, day by day.
query Schedule {
  schedule {
    number
    title
    sessions { title kind }
    talks { order title kind session { title } }
  }
}
`;
