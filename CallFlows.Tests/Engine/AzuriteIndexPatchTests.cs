using System.Diagnostics;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CallFlows.LocalHost.Azurite;

namespace CallFlows.Tests.Engine;

/// <summary>
/// The LocalHost's patch for Azurite's LokiJS store (<see cref="AzuriteOptions.PatchIndexMaintenance"/>): the same
/// workload gets the same answers from a patched and a published Azurite, and the dequeue cost the patch removes is
/// measured against the published one in the same run.
/// </summary>
public sealed class AzuriteIndexPatchTests
{
    [Fact]
    public async Task PatchedAzurite_AnswersAQueueAndTableWorkloadExactlyAsPublishedAzurite()
    {
        await using AzuriteServer patched = await StartAsync(patch: true);
        await using AzuriteServer published = await StartAsync(patch: false);

        var expected = await RunWorkloadAsync(published.ConnectionString);
        var actual = await RunWorkloadAsync(patched.ConnectionString);

        actual.Should().Equal(expected, "the patch changes how LokiJS maintains its indices, never what Azurite answers");
        expected.Should().Contain("receive 1: 32 messages", "the workload dequeues a full batch")
            .And.Contain(line => line.StartsWith("query p1:", StringComparison.Ordinal) && line.Contains("p1/r019", StringComparison.Ordinal))
            .And.Contain("expired: gone");
        (await WaitForReportsAsync(patched, 3)).Should().Contain(r => r.StartsWith("lokijs index maintenance", StringComparison.Ordinal))
            .And.Contain(r => r.StartsWith("table point reads", StringComparison.Ordinal))
            .And.Contain(r => r.StartsWith("extent garbage collection", StringComparison.Ordinal))
            .And.NotContain(r => r.StartsWith("not applied", StringComparison.Ordinal));
        published.PatchReports.Should().BeEmpty("the patch is off");
    }

    [Fact]
    public async Task PatchedAzurite_PollsAQueueBesideManyWaitingMessagesFasterThanPublishedAzurite()
    {
        await using AzuriteServer patched = await StartAsync(patch: true);
        await using AzuriteServer published = await StartAsync(patch: false);
        var pollers = new List<QueueClient>();
        foreach (AzuriteServer server in new[] { patched, published })
        {
            // Durable timers: messages that become visible later, in another queue (a control queue holds them).
            var timers = new QueueClient(server.ConnectionString, "timers");
            await timers.CreateAsync();
            for (int batch = 0; batch < 30; batch++)
            {
                await Task.WhenAll(Enumerable.Range(0, 50).Select(i => timers.SendMessageAsync("t" + i, visibilityTimeout: TimeSpan.FromHours(1))));
            }

            var empty = new QueueClient(server.ConnectionString, "work");
            await empty.CreateAsync();
            pollers.Add(empty);
        }

        // Empty polls, the engine's most frequent request, in alternating rounds so the machine's load hits both alike.
        var elapsed = new long[2];
        for (int round = 0; round < 20; round++)
        {
            for (int which = 0; which < 2; which++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int poll = 0; poll < 10; poll++)
                {
                    QueueMessage[] messages = await pollers[which].ReceiveMessagesAsync(maxMessages: 32);
                    messages.Should().BeEmpty();
                }

                elapsed[which] += Stopwatch.GetTimestamp() - start;
            }
        }

        double ratio = (double)elapsed[1] / elapsed[0];
        ratio.Should().BeGreaterThan(2, "published Azurite re-sorts the indices of all 1,500 waiting messages on every poll ({0:0.0} ms against {1:0.0} ms per poll)",
            Stopwatch.GetElapsedTime(0, elapsed[1]).TotalMilliseconds / 200, Stopwatch.GetElapsedTime(0, elapsed[0]).TotalMilliseconds / 200);
    }

    [Fact]
    public async Task Patch_OnLokiCollections_GivesTheSameFindsAndIndicesAsLokiAlone_EvenWhenAnIndexedFieldChangedInPlace()
    {
        string alone = await RunLokiScriptAsync(preload: null);
        string patched = await RunLokiScriptAsync(AzuriteServer.WritePreloadScript());

        patched.Should().Be(alone);
        alone.Should().Contain("\"indexOk\":[true,true]").And.Contain("\"inPlaceIndexedChange\"");
    }

    [Fact]
    public async Task Patch_OnTheInMemoryExtentStore_LeavesTheSameExtentsAsAzurite_AndSweepsFasterThanPublishedAzurite()
    {
        var (alone, aloneMs) = await RunExtentSweepAsync(preload: null);
        var (patched, patchedMs) = await RunExtentSweepAsync(AzuriteServer.WritePreloadScript());

        patched.Should().Be(alone, "the sweep removes the same extents, from the metadata and from the chunk store");
        alone.Should().Contain("\"deleted\":686").And.Contain("\"listed\":314").And.Contain("\"indexOk\":true")
            .And.NotContain("(no metadata)").And.NotContain("(no chunk)");
        (aloneMs / patchedMs).Should().BeGreaterThan(5, "published Azurite rebuilds the extent index once per deleted extent ({0:0} ms against {1:0} ms for the sweep)", aloneMs, patchedMs);
    }

    /// <summary>
    /// Azurite's own in-memory extent store and LokiJS extent metadata, as its queue service builds them: 1,000 message
    /// bodies appended, then one garbage-collection sweep of 686 of them; prints what is left as JSON and the sweep's
    /// milliseconds on standard error.
    /// </summary>
    static async Task<(string Output, double SweepMs)> RunExtentSweepAsync(string? preload)
    {
        const string script = """
            const base = 'azurite/dist/src/common/persistence/';
            const Metadata = require(base + 'LokiExtentMetadataStore').default;
            const memory = require(base + 'MemoryExtentStore');
            (async () => {
              const metadata = new Metadata('extents', true);
              const quiet = { info() {}, debug() {}, warn() {}, error() {}, verbose() {} };
              const store = new memory.default('queue', new memory.MemoryExtentChunkStore(1e12), metadata, quiet, (s, c, m) => new Error(m));
              await store.init();
              const chunks = [];
              for (let i = 0; i < 1000; i++) chunks.push(await store.appendExtent(Buffer.from('body' + i)));
              const unreferenced = new Set(chunks.filter((_, i) => i >= 200 && i % 7 !== 3).map(c => c.id));
              const start = process.hrtime.bigint();
              const deleted = await store.deleteExtents(unreferenced);
              const ms = Number(process.hrtime.bigint() - start) / 1e6;
              const collection = metadata.db.getCollection(metadata.EXTENTS_COLLECTION);
              const left = [];
              for (const c of chunks) {
                const doc = collection.findOne({ id: c.id });
                const stored = store.chunks.get('queue', c.id) !== undefined;
                if (doc || stored) left.push(Buffer.concat(c.chunks).toString() + (doc ? '' : ' (no metadata)') + (stored ? '' : ' (no chunk)'));
              }
              const [listed] = await metadata.listExtents(undefined, 100000);
              console.log(JSON.stringify({ deleted, left, listed: listed.length, count: collection.count(), indexOk: collection.checkIndex('id') }));
              console.error('sweep ms ' + ms);
            })();
            """;
        var (stdout, stderr) = await RunNodeAsync(script, preload);
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Where(l => !l.StartsWith("sweep ms ", StringComparison.Ordinal)).Should().Equal(preload is null ? [] :
        [
            "CallFlows Azurite patch: lokijs index maintenance in place for arrays of up to 64 documents, chained removals included",
            "CallFlows Azurite patch: extent garbage collection removes a sweep's extents at once",
        ]);
        return (stdout, double.Parse(lines.Single(l => l.StartsWith("sweep ms ", StringComparison.Ordinal))["sweep ms ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// LokiJS directly: small and large array updates and removes, chained removals (as Azurite's extent garbage
    /// collection makes them), and an update after changing an indexed field in place (which the patch's per-document
    /// path must notice and repair); prints every find and index check as JSON.
    /// </summary>
    static async Task<string> RunLokiScriptAsync(string? preload)
    {
        const string script = """
            const Loki = require('lokijs');
            const coll = new Loki('check').addCollection('docs', { indices: ['k', 'q'] });
            for (let i = 0; i < 300; i++) coll.insert({ k: (i * 37) % 101, q: 'q' + (i % 7), v: i });
            const out = {};
            const ids = (docs) => docs.map(d => d.$loki).sort((a, b) => a - b);
            // Which documents to change, by id: the order of equal keys in an index is not part of LokiJS's results.
            const first = (docs, n) => docs.sort((a, b) => a.$loki - b.$loki).slice(0, n);
            const snapshot = (name) => {
              out[name] = {
                k: ids(coll.find({ k: { $between: [20, 60] } })), high: ids(coll.find({ k: { $gt: 500 } })), low: ids(coll.find({ k: { $lt: 0 } })),
                q: ids(coll.find({ q: 'q3' })), n: coll.count(),
              };
              out.indexOk = ['k', 'q'].map(p => coll.checkIndex(p));
            };
            let batch = first(coll.find({ q: 'q1' }), 10);
            batch.forEach(d => { d.v = -d.v; });
            coll.update(batch);
            snapshot('plainChange');
            batch = first(coll.find({ q: 'q2' }), 40);
            batch.forEach((d, i) => { d.k = i % 2 ? 1000 - i * 10 : -i; d.q = 'q3'; });
            coll.update(batch);
            snapshot('inPlaceIndexedChange');
            coll.remove([]);
            coll.update([]);
            coll.remove(first(coll.find({ q: 'q4' }), 9));
            snapshot('smallRemove');
            coll.findAndRemove({ q: 'q0' });
            coll.chain().find({ k: 99999 }).remove();
            snapshot('chainedRemove');
            const many = coll.find({ q: { $in: ['q5', 'q6'] } });
            many.forEach(d => { d.k = d.k + 1; });
            coll.update(many);
            coll.remove(coll.find({ v: { $gte: 200 } }));
            snapshot('largeArrays');
            console.log(JSON.stringify(out));
            """;
        var (stdout, stderr) = await RunNodeAsync(script, preload);
        stderr.Should().Be(preload is null ? string.Empty : "CallFlows Azurite patch: lokijs index maintenance in place for arrays of up to 64 documents, chained removals included\n");
        return stdout;
    }

    /// <summary>Runs a Node script against the repository's node_modules, with or without the patch preloaded; its standard output (trimmed) and error.</summary>
    static async Task<(string Stdout, string Stderr)> RunNodeAsync(string script, string? preload)
    {
        string root = AzuriteServer.FindRepositoryRoot() ?? throw new InvalidOperationException("No repository root above the test folder.");
        string file = Path.Combine(Path.GetTempPath(), "callflows-node-check-" + Guid.NewGuid().ToString("N") + ".js");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(file);
            start.Environment["NODE_PATH"] = Path.Combine(root, "node_modules");
            start.Environment["NODE_OPTIONS"] = preload is null ? string.Empty : "--require \"" + preload + "\"";
            using Process node = Process.Start(start)!;
            Task<string> stdout = node.StandardOutput.ReadToEndAsync();
            Task<string> stderr = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            node.ExitCode.Should().Be(0, await stderr);
            return ((await stdout).Trim(), await stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    static Task<AzuriteServer> StartAsync(bool patch) =>
        AzuriteServer.StartOrReuseAsync(new AzuriteOptions
        {
            BlobPort = 0,
            QueuePort = 0,
            TablePort = 0,
            InMemoryPersistence = true,
            PatchIndexMaintenance = patch,
        });

    static async Task<IReadOnlyList<string>> WaitForReportsAsync(AzuriteServer server, int count)
    {
        // Azurite's output is read asynchronously; the lines are written before it listens, so they come at once.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (server.PatchReports.Count < count && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        return server.PatchReports;
    }

    /// <summary>A fixed script of queue and table requests; every answer, written as a line.</summary>
    static async Task<IReadOnlyList<string>> RunWorkloadAsync(string connectionString)
    {
        var lines = new List<string>();
        var queue = new QueueClient(connectionString, "work");
        var other = new QueueClient(connectionString, "other");
        await queue.CreateAsync();
        await other.CreateAsync();
        for (int i = 0; i < 48; i++)
        {
            await queue.SendMessageAsync("m" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), visibilityTimeout: i % 4 == 3 ? TimeSpan.FromHours(1) : null);
            await other.SendMessageAsync("o" + i);
        }

        for (int i = 0; i < 3; i++)
        {
            await queue.SendMessageAsync("short" + i, timeToLive: TimeSpan.FromSeconds(1));
        }

        // Wait for the short-lived messages to expire, so a dequeue removes a non-empty array of expired ones.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while ((await queue.PeekMessagesAsync(32, timeout.Token)).Value.Any(m => m.MessageText.StartsWith("short", StringComparison.Ordinal)))
            {
                await Task.Delay(100, timeout.Token);
            }
        }

        lines.Add("expired: gone");
        QueueMessage[] first = await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(5));
        lines.Add($"receive 1: {first.Length} messages");
        lines.AddRange(first.Select(m => $"  {m.MessageText} dequeued {m.DequeueCount}"));
        foreach (QueueMessage message in first.Where((_, i) => i % 2 == 0))
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        QueueMessage changed = first[1];
        await queue.UpdateMessageAsync(changed.MessageId, changed.PopReceipt, "changed " + changed.MessageText, TimeSpan.Zero);
        QueueMessage[] second = await queue.ReceiveMessagesAsync(maxMessages: 32, visibilityTimeout: TimeSpan.FromMinutes(5));
        lines.Add($"receive 2: {string.Join(", ", second.Select(m => $"{m.MessageText} ({m.DequeueCount})"))}");
        QueueMessage[] fromOther = await other.ReceiveMessagesAsync(maxMessages: 5);
        lines.Add($"other: {string.Join(", ", fromOther.Select(m => m.MessageText))}");
        PeekedMessage[] peeked = await queue.PeekMessagesAsync(32);
        lines.Add($"peek: {string.Join(", ", peeked.Select(m => m.MessageText))}");
        lines.Add($"count: {(await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount}");

        var table = new TableClient(connectionString, "Work");
        await table.CreateAsync();
        for (int p = 0; p < 3; p++)
        {
            var actions = Enumerable.Range(0, 20).Select(r => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity("p" + p, "r" + r.ToString("000", System.Globalization.CultureInfo.InvariantCulture)) { ["Value"] = p * 100 + r }));
            await table.SubmitTransactionAsync(actions);
        }

        await table.AddEntityAsync(new TableEntity("instance", string.Empty) { ["Status"] = "Pending" });
        await table.UpsertEntityAsync(new TableEntity("instance", string.Empty) { ["Status"] = "Running" }, TableUpdateMode.Merge);
        await table.UpdateEntityAsync(new TableEntity("p1", "r005") { ["Extra"] = "x" }, ETag.All, TableUpdateMode.Merge);
        await table.DeleteEntityAsync("p2", "r010");
        foreach ((string pk, string rk) in new[] { ("instance", string.Empty), ("p1", "r005"), ("p0", "r019"), ("p2", "r010") })
        {
            NullableResponse<TableEntity> found = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk);
            lines.Add($"get {pk}/{rk}: " + (found.HasValue ? Describe(found.Value!) : "none"));
        }

        lines.Add("query p1: " + await QueryAsync(table, "PartitionKey eq 'p1'", pageSize: 1000));
        lines.Add("query r015+: " + await QueryAsync(table, "RowKey ge 'r015'", pageSize: 4));
        lines.Add("query p0 value: " + await QueryAsync(table, "PartitionKey eq 'p0' and Value gt 10", pageSize: 3));
        return lines;
    }

    static async Task<string> QueryAsync(TableClient table, string filter, int pageSize)
    {
        var keys = new StringBuilder();
        await foreach (Page<TableEntity> page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize).AsPages())
        {
            keys.Append('[').AppendJoin(' ', page.Values.Select(e => e.PartitionKey + "/" + e.RowKey)).Append(']');
        }

        return keys.ToString();
    }

    static string Describe(TableEntity entity) =>
        string.Join(", ", entity.Keys.Where(k => k is not ("odata.etag" or "Timestamp")).Order(StringComparer.Ordinal).Select(k => $"{k}={entity[k]}"));
}
