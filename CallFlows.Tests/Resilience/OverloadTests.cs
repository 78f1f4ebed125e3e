using System.Diagnostics;
using System.Globalization;
using CallFlows.Emulator;
using CallFlows.Emulator.Observability;
using CallFlows.Emulator.Simulation;
using CallFlows.LocalHost.App;
using CallFlows.LocalHost.Azurite;
using Microsoft.DurableTask.Client;
using Xunit.Abstractions;

namespace CallFlows.Tests.Resilience;

/// <summary>
/// Admission control under a burst, behind Event Grid's REAL retry schedule (10 s, 30 s, 1 min…; the emulator's
/// default) and a 5 s ring time: calibrate the whole-call rate one local instance sustains, then offer 10x that rate
/// for 2 s. Every call must be answered (the webhook answers flows marked AnswerOnArrival itself, so the answer does not
/// wait behind the backlog) or deliberately rejected as busy, within the 5 s it rings: none rings out, no delivery is
/// answered 429 (each would cost a caller at least 10 s), each call is answered once, and admitted calls get exactly
/// one orchestration each.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class OverloadTests(ITestOutputHelper output)
{
    // "Answered within 5 s of its IncomingCall" as a protocol fact: a call still ringing after 5 s ends NotAnswered.
    static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(5);
    const int RecoveryCalls = 3;
    const int BurstSecondsAdmitted = 4;

    [Fact]
    public async Task IncomingCallWebhook_BurstOfTenTimesTheSustainableRateUnderRealEventGridRetries_NoCallRingsOut()
    {
        await using AzuriteServer azurite = await AzuriteServer.StartOrReuseAsync(
            new AzuriteOptions { BlobPort = 0, QueuePort = 0, TablePort = 0, InMemoryPersistence = true });

        // 1. Calibration on an app with the default limits (not reached by 20 calls): the whole-call rate sustained
        // (answer, agent busy, hang up, flow completed), which is what the burst is 10x of.
        double sustainable;
        await using (CallFlowsLocalApp calibration = await StartAsync(azurite, null))
        {
            (await CallAsync(calibration.Emulator!, "+15553000000")).State.Should().Be(IncomingCallState.Answered);
            await WaitUntilFinishedAsync(calibration, DateTimeOffset.UtcNow.AddMinutes(-5), 1, TimeSpan.FromSeconds(60));
            DateTimeOffset from = DateTimeOffset.UtcNow;
            var all = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i => CallAsync(calibration.Emulator!, "+1555301" + i.ToString("0000", CultureInfo.InvariantCulture))));
            await WaitUntilFinishedAsync(calibration, from, 20, TimeSpan.FromSeconds(120));
            sustainable = 20 / all.Elapsed.TotalSeconds;
        }

        int rate = Math.Max(1, (int)Math.Floor(sustainable));
        int burst = Math.Clamp(20 * rate, 20, 150);
        output.WriteLine($"calibration: 20 concurrent whole calls -> {sustainable:0.0} calls/s sustained; admission {rate}/s with a bucket of {BurstSecondsAdmitted * rate}; " +
            $"burst {burst} calls in 2 s ({burst / 2.0:0.0}/s); ring time {RingTimeout.TotalSeconds:0} s; Event Grid's real retry schedule");

        // 2. The burst against an app admitting `rate` new calls per second with a bucket of a few seconds of them.
        await using CallFlowsLocalApp app = await StartAsync(azurite, rate);
        AcsEmulator emulator = app.Emulator!;
        DateTimeOffset burstStart = DateTimeOffset.UtcNow;
        Task<(IncomingCallState State, TimeSpan Latency)>[] calls = Enumerable.Range(0, burst).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2.0 * i / burst));
            return await CallAsync(emulator, "+1555302" + i.ToString("0000", CultureInfo.InvariantCulture));
        }).ToArray();
        (IncomingCallState State, TimeSpan Latency)[] results = await Task.WhenAll(calls);

        // Counted once the admitted calls' flows have finished (their answers replayed, every delivery answered).
        await WaitUntilFinishedAsync(app, burstStart, results.Count(r => r.State == IncomingCallState.Answered), TimeSpan.FromSeconds(180));
        IncomingCallSnapshot[] burstCalls = emulator.IncomingCalls.Where(c => c.PlacedAt >= burstStart).ToArray();
        // A delivery is recorded when its HTTP answer arrives, which can follow the call's rejection: wait for the records.
        DeliveryRecord[] BurstDeliveries() => emulator.EventLog.Entries.Where(d => d.Channel == DeliveryChannel.EventGrid && d.Time >= burstStart).ToArray();
        using (var recorded = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (BurstDeliveries().Length < burst && !recorded.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }

        DeliveryRecord[] deliveries = BurstDeliveries();
        int answered = burstCalls.Count(c => c.State == IncomingCallState.Answered);
        int rejectedBusy = burstCalls.Count(c => c.State == IncomingCallState.Rejected);
        int rungOut = burstCalls.Count(c => c.State is not (IncomingCallState.Answered or IncomingCallState.Rejected));
        int notDelivered = deliveries.Count(d => d.Status is < 200 or >= 300);
        RecordedRequest[] answers = emulator.RequestLog.Entries.Where(r => r.Time >= burstStart && r.Operation == "AnswerCall").ToArray();
        int answersPerformed = answers.Count(r => r.Status is >= 200 and < 300 && !r.IsReplay);
        int answersReplayed = answers.Count(r => r.IsReplay);
        TimeSpan[] answerLatencies = results.Where(r => r.State == IncomingCallState.Answered).Select(r => r.Latency).Order().ToArray();
        TimeSpan[] busyLatencies = results.Where(r => r.State == IncomingCallState.Rejected).Select(r => r.Latency).Order().ToArray();
        output.WriteLine($"burst: {answered} answered, {rejectedBusy} rejected as busy, {rungOut} rang out of {burst}; {deliveries.Length} Event Grid deliveries, {notDelivered} not 2xx; " +
            $"AnswerCall requests: {answersPerformed} performed, {answersReplayed} replayed (flows that sent the answer themselves), {answers.Length} in all");
        output.WriteLine($"answer latency (placed -> answered, seen by the caller): {Percentiles(answerLatencies)}; busy rejection latency: {Percentiles(busyLatencies)}");


        // 3. Recovery: once the burst's flows have finished, new calls are admitted and answered again.
        var recovery = new List<(IncomingCallState State, TimeSpan Latency)>();
        for (int i = 0; i < RecoveryCalls; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.0 / rate));
            recovery.Add(await CallAsync(emulator, "+155530399" + i.ToString("00", CultureInfo.InvariantCulture)));
        }

        output.WriteLine($"recovery: {RecoveryCalls} calls placed after the burst: {string.Join(", ", recovery.Select(r => $"{r.State} in {r.Latency.TotalMilliseconds:0} ms"))}");

        burstCalls.Should().HaveCount(burst);
        rungOut.Should().Be(0, "no caller may ring out: every call is answered or rejected as busy within its 5 s ring time");
        (answered + rejectedBusy).Should().Be(burst);
        answered.Should().BeGreaterThanOrEqualTo(BurstSecondsAdmitted * rate, "the bucket's burst is admitted");
        rejectedBusy.Should().BeGreaterThan(0, "a burst of 10x the sustainable rate exceeds what admission lets in");
        notDelivered.Should().Be(0, "no delivery is deferred to Event Grid's retry schedule (10 s and more)");
        deliveries.Should().HaveCount(burst, "each IncomingCall is delivered once: nothing was retried");
        answersPerformed.Should().Be(answered, "each call is answered once: a flow takes its call from the webhook answer's CallConnected, and one that sends the answer itself repeats the webhook's request");
        recovery.Should().OnlyContain(r => r.State == IncomingCallState.Answered, "the limiter admits calls again once the burst is over");

        int instances = 0;
        await foreach (OrchestrationMetadata _ in app.DurableClient.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = burstStart.UtcDateTime.AddSeconds(-1) }))
        {
            instances++;
        }

        instances.Should().Be(answered + RecoveryCalls, "exactly one orchestration per admitted call, none for a call rejected as busy");
    }

    static string Percentiles(TimeSpan[] sorted) => sorted.Length == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture,
            $"p50 {sorted[sorted.Length / 2].TotalMilliseconds:0} ms, p95 {sorted[(int)(sorted.Length * 0.95)].TotalMilliseconds:0} ms, max {sorted[^1].TotalMilliseconds:0} ms (n = {sorted.Length})");

    /// <summary>Waits until the <paramref name="count"/> orchestrations created since <paramref name="from"/> have all finished.</summary>
    static async Task WaitUntilFinishedAsync(CallFlowsLocalApp app, DateTimeOffset from, int count, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            int finished = 0;
            await foreach (OrchestrationMetadata instance in app.DurableClient.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = from.UtcDateTime.AddSeconds(-1) }))
            {
                finished += instance.IsCompleted ? 1 : 0;
            }

            if (finished >= count)
            {
                return;
            }

            waited.Elapsed.Should().BeLessThan(limit, $"the burst's flows must finish ({finished}/{count} so far)");
            await Task.Delay(500);
        }
    }

    static Task<CallFlowsLocalApp> StartAsync(AzuriteServer azurite, int? maxStartsPerSecond)
    {
        var options = new CallFlowsLocalAppOptions
        {
            StorageConnectionString = azurite.ConnectionString,
            TaskHubName = "overload" + Guid.NewGuid().ToString("N")[..10],
            DeleteTaskHubOnStop = true,
        };

        // The emulator's default Event Grid schedule is the real one (10 s, 30 s, 1 min...): a deferred delivery would
        // make its caller ring out.
        options.Emulator.RingTimeout = RingTimeout;
        if (maxStartsPerSecond is { } rate)
        {
            options.Configuration["CallFlows:Admission:MaxStartsPerSecond"] = rate.ToString(CultureInfo.InvariantCulture);
            options.Configuration["CallFlows:Admission:MaxBurst"] = (BurstSecondsAdmitted * rate).ToString(CultureInfo.InvariantCulture);
        }

        return CallFlowsLocalApp.StartAsync(options);
    }

    /// <summary>Places a call to the busy-agent number (answer, agent busy, hang up); returns how its ringing ended and when.</summary>
    static async Task<(IncomingCallState State, TimeSpan Latency)> CallAsync(AcsEmulator emulator, string caller)
    {
        var stopwatch = Stopwatch.StartNew();
        IncomingCallSnapshot call = await emulator.PlaceIncomingCallAsync(caller, DemoWorld.AgentBusyNumber);
        IncomingCallSnapshot done = await emulator.WaitForIncomingCallAsync(call.EventId, c => c.State != IncomingCallState.Ringing, RingTimeout + TimeSpan.FromSeconds(30));
        return (done.State, stopwatch.Elapsed);
    }
}
