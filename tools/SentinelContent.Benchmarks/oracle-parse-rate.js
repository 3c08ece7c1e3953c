#!/usr/bin/env node
// Times Microsoft's official parser (Kusto.Language.KustoCode.Parse) inside node over the same corpus
// the .NET benchmark parses, after a warm-up, and prints queries/second.
// usage: node oracle-parse-rate.js <oracle dir with node_modules> <corpus.jsonl> [seconds] [bind SCHEMA.json]
// With "bind", each query is parsed and analysed (Kusto.Language.KustoCode.ParseAndAnalyze) against the schema.
'use strict';
const fs = require('fs');
const path = require('path');
const [oracleDir, corpusFile, secondsArg, mode, schemaFile] = process.argv.slice(2);
if (!oracleDir || !corpusFile) { console.error('usage: oracle-parse-rate.js ORACLE_DIR CORPUS.jsonl [SECONDS]'); process.exit(2); }
const lib = path.join(oracleDir, 'node_modules/@kusto/language-service-next/');
require(path.join(lib, 'bridge.js'));
require(path.join(lib, 'Kusto.Language.Bridge.js'));
const K = Kusto.Language;
const queries = fs.readFileSync(corpusFile, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l).query);
const budgetMs = 1000 * Number(secondsArg || 20);

let globals = null;
if (mode === 'bind') {
  // The same construction as ../shared/tools/kql-oracle/oracle.js.
  const S = K.Symbols;
  const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const members = Object.entries(schema).map(([table, cols]) => new S.TableSymbol.$ctor7(table,
    '(' + Object.entries(cols).map(([c, t]) => `['${c.replace(/'/g, "\\'")}']:${t}`).join(', ') + ')', null));
  const db = new S.DatabaseSymbol.ctor('db', members);
  globals = K.GlobalState.Default.WithCluster(new S.ClusterSymbol.ctor('cluster', [db])).WithDatabase(db);
}

function parseAll() {
  let n = 0;
  for (const q of queries) { if (globals) K.KustoCode.ParseAndAnalyze(q, globals); else K.KustoCode.Parse(q); n++; }
  return n;
}

// Warm-up: let the JIT settle before timing (binding is slow, so one pass is enough there).
for (let i = 0; i < (globals ? 1 : 3); i++) parseAll();

// Timed passes over the whole corpus until the budget is spent (at least three).
let parsed = 0;
let bestPassMs = Infinity;
const start = process.hrtime.bigint();
let elapsedMs = 0;
for (let pass = 0; elapsedMs < budgetMs || pass < (globals ? 1 : 3); pass++) {
  const passStart = process.hrtime.bigint();
  parsed += parseAll();
  bestPassMs = Math.min(bestPassMs, Number(process.hrtime.bigint() - passStart) / 1e6);
  elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
}
const rate = parsed / (elapsedMs / 1000);
const bestRate = queries.length / (bestPassMs / 1000);
console.log(JSON.stringify({ queries: queries.length, parsed, seconds: elapsedMs / 1000, queriesPerSecond: rate, bestPassQueriesPerSecond: bestRate, node: process.version, mode: globals ? 'bind' : 'parse' }));
