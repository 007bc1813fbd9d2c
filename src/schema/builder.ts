/**
 * The one SchemaBuilder of the API. Plugins are listed here once; types and their fields live in
 * their own files beside this one, and index.ts imports them all.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Database } from '../db/database.js';
import type { Loaders } from '../db/loaders.js';
import { BadUserInputError, describeIssues } from './errors.js';

export interface Context {
  db: Database;
  /** Created per request (see server/yoga.ts), so nothing is cached across requests. */
  loaders: Loaders;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Connection: { totalCount: number };
}>({
  plugins: [RelayPlugin, DataloaderPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: { description: 'Any node by its global id; null for an unknown id.' },
    nodesQueryOptions: { description: 'Nodes by global id, in order; null for each unknown id.' },
  },
  validation: {
    validationError: (failure) => {
      const { message, argument } = describeIssues(failure.issues);
      return new BadUserInputError(message, argument);
    },
  },
});

builder.queryType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items match, across all pages.', resolve: (parent) => parent.totalCount }),
);
