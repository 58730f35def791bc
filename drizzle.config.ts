import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  // Every file of the folder: a feature's table file is found without a line in an index.
  schema: './src/main/db/schema/*.ts',
  out: process.env.ZLAGODA_MIGRATIONS_OUT ?? './migrations',
});
