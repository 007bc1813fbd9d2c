import { builder } from './builder.js';

/** What the server can say about itself; useful to check a deployment from GraphiQL. */
builder.queryField('databaseAvailable', (t) =>
  t.boolean({
    description: 'True when the Neo4j behind this API answers.',
    resolve: (_root, _args, { db }) => db.ping(),
  }),
);
