/**
 * The one SchemaBuilder of the API. Plugins are listed here once; types and their fields live in
 * their own files beside this one, and index.ts imports them all.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Database } from '../db/database.js';

export interface Context {
  db: Database;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
}>({
  plugins: [RelayPlugin, DataloaderPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  relay: {},
});

builder.queryType({});
