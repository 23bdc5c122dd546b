// Runs ListModelVersions calls through the AWS SDK for JavaScript v3 client, the reference
// that Get-LEModelVersion is measured against. Reads one JSON job (a file path as the first
// argument, or standard input) and prints one JSON result to standard output.
//
// Job:
//   { "endpoint": "http://127.0.0.1:PORT", "region": "us-east-1",
//     "accessKeyId": "...", "secretAccessKey": "...", "maxAttempts": 3,
//     "calls": [
//       { "mode": "page",  "input": { "ModelName": "pump-7", "CreatedAtStartTime": "ISO" } },
//       { "mode": "all",   "input": { ... }, "pageSize": 7 },
//       { "mode": "count", "input": { ... }, "pageSize": 500, "runs": 5 } ] }
// Timestamps in an input are ISO 8601 strings; they become Date objects for the client.
// Result: { "sdkVersion": "...", "results": [ one entry per call, in order ] }, where an entry
// is { "ok": true, "pages", "nextToken", "items" } or { "ok": false, "error": {...} }, and a
// count entry is { "ok": true, "runs": [{ "items", "pages", "seconds", "firstItemSeconds" }] }.

import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Hermetic even when started by hand: never read the real ~/.aws, never ask the instance
// metadata service. Set before the client reads its configuration.
process.env.AWS_EC2_METADATA_DISABLED = "true";
if (!process.env.AWS_CONFIG_FILE || !process.env.AWS_SHARED_CREDENTIALS_FILE) {
  const isolated = mkdtempSync(join(tmpdir(), "lookout-conformance-"));
  process.env.AWS_CONFIG_FILE ??= join(isolated, "config-absent");
  process.env.AWS_SHARED_CREDENTIALS_FILE ??= join(isolated, "credentials-absent");
}

const {
  LookoutEquipmentClient,
  ListModelVersionsCommand,
  paginateListModelVersions,
} = await import("@aws-sdk/client-lookoutequipment");

const TIMESTAMP_MEMBERS = ["CreatedAtStartTime", "CreatedAtEndTime"];

function readJob() {
  const source = process.argv[2];
  const text = source && source !== "-" ? readFileSync(source, "utf8") : readFileSync(0, "utf8");
  const job = JSON.parse(text);
  if (typeof job.endpoint !== "string" || !/^http:\/\/127\.0\.0\.1:\d+\/?$/.test(job.endpoint)) {
    // The reference client is only ever pointed at a local emulator.
    throw new Error(`endpoint must be http://127.0.0.1:PORT, not ${job.endpoint}`);
  }
  return job;
}

function toInput(input) {
  const copy = { ...input };
  for (const name of TIMESTAMP_MEMBERS) {
    if (typeof copy[name] === "string") copy[name] = new Date(copy[name]);
  }
  return copy;
}

function describeVersion(summary) {
  return {
    ModelName: summary.ModelName ?? null,
    ModelArn: summary.ModelArn ?? null,
    ModelVersion: summary.ModelVersion ?? null,
    ModelVersionArn: summary.ModelVersionArn ?? null,
    CreatedAt: summary.CreatedAt ? summary.CreatedAt.toISOString() : null,
    Status: summary.Status ?? null,
    SourceType: summary.SourceType ?? null,
    ModelQuality: summary.ModelQuality ?? null,
  };
}

function describeError(error) {
  return {
    name: error.name ?? null,
    status: error.$metadata?.httpStatusCode ?? null,
    attempts: error.$metadata?.attempts ?? null,
    fault: error.$fault ?? null,
    message: error.message ?? null,
  };
}

async function onePage(client, call) {
  const answer = await client.send(new ListModelVersionsCommand(toInput(call.input)));
  return {
    ok: true,
    pages: 1,
    nextToken: answer.NextToken ?? null,
    items: (answer.ModelVersionSummaries ?? []).map(describeVersion),
  };
}

async function allPages(client, call) {
  const items = [];
  let pages = 0;
  const paginator = paginateListModelVersions(
    { client, pageSize: call.pageSize },
    toInput(call.input),
  );
  for await (const page of paginator) {
    pages++;
    for (const summary of page.ModelVersionSummaries ?? []) items.push(describeVersion(summary));
  }
  return { ok: true, pages, nextToken: null, items };
}

// Timing only: the items are counted, as Measure-Object counts the cmdlet's output.
async function countPages(client, call) {
  const runs = [];
  for (let run = 0; run < (call.runs ?? 1); run++) {
    const started = process.hrtime.bigint();
    let firstItemSeconds = null;
    let items = 0;
    let pages = 0;
    const paginator = paginateListModelVersions(
      { client, pageSize: call.pageSize },
      toInput(call.input),
    );
    for await (const page of paginator) {
      pages++;
      const count = (page.ModelVersionSummaries ?? []).length;
      if (count > 0 && firstItemSeconds === null) {
        firstItemSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      }
      items += count;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    runs.push({ items, pages, seconds, firstItemSeconds });
  }
  return { ok: true, runs };
}

const MODES = { page: onePage, all: allPages, count: countPages };

async function main() {
  const job = readJob();
  const client = new LookoutEquipmentClient({
    endpoint: job.endpoint,
    region: job.region ?? "us-east-1",
    credentials: {
      accessKeyId: job.accessKeyId ?? "AKIAEXAMPLEUNSIGNED1",
      secretAccessKey: job.secretAccessKey ?? "made-up-secret-for-an-unchecking-emulator",
    },
    ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
  });
  const sdkVersion = JSON.parse(
    readFileSync(
      new URL("./node_modules/@aws-sdk/client-lookoutequipment/package.json", import.meta.url),
      "utf8",
    ),
  ).version;

  const results = [];
  try {
    for (const call of job.calls ?? []) {
      const run = MODES[call.mode];
      if (!run) throw new Error(`unknown mode ${call.mode}`);
      try {
        results.push(await run(client, call));
      } catch (error) {
        results.push({ ok: false, error: describeError(error) });
      }
    }
  } finally {
    client.destroy();
  }
  process.stdout.write(JSON.stringify({ sdkVersion, results }) + "\n");
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(2);
});
