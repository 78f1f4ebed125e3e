using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Testing.Fidelity;

/// <summary>
/// A small orchestrator run both on the local host's real Durable Task engine and on the virtual-time driver: activities
/// in sequence, a retried activity, a caught failure, an event wait that times out, a self-sent event that must skip that
/// cancelled wait and wait in the buffer, a timer, NewGuid and custom status. Its activities log every execution per instance.
/// </summary>
public static class FidelityFunctions
{
    public const string Orchestrator = "Testing_Fidelity";
    public const string Echo = "Testing_FidelityEcho";
    public const string Flaky = "Testing_FidelityFlaky";
    public const string Fail = "Testing_FidelityFail";

    static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> Executions = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> TakeExecutions(string instanceId) =>
        Executions.TryRemove(instanceId, out ConcurrentQueue<string>? log) ? log.ToList() : [];

    [Function(Orchestrator)]
    public static async Task<FidelityResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        DateTime startedAt = context.CurrentUtcDateTime;
        Guid firstGuid = context.NewGuid();
        context.SetCustomStatus(new { stage = "echoing" });
        var echoes = new List<string>();
        foreach (string value in new[] { "a", "b", firstGuid.ToString("N")[..8] })
        {
            echoes.Add(await context.CallActivityAsync<string>(Echo, new FidelityInput(context.InstanceId, value)));
        }

        string flaky = await context.CallActivityAsync<string>(Flaky, new FidelityInput(context.InstanceId, "f"),
            TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1))));

        string failure;
        try
        {
            await context.CallActivityAsync(Fail, new FidelityInput(context.InstanceId, "card declined"));
            failure = "none";
        }
        catch (TaskFailedException ex)
        {
            failure = $"{ex.Message}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}";
        }

        context.SetCustomStatus(new { stage = "waiting" });
        string ping = await WaitForPingAsync(context);
        context.SendEvent(context.InstanceId, "Ping", 1);
        await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(1), CancellationToken.None);
        ping += ", then " + await WaitForPingAsync(context);
        context.SetCustomStatus(new { stage = "done" });
        return new FidelityResult(startedAt, firstGuid, echoes, flaky, failure, ping);
    }

    [Function(Echo)]
    public static string EchoValue([ActivityTrigger] FidelityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Log(input, Echo);
        return "echo " + input.Value;
    }

    [Function(Flaky)]
    public static string FailFirstTime([ActivityTrigger] FidelityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int attempt = Log(input, Flaky);
        return attempt == 1 ? throw new TimeoutException("first attempt times out") : $"attempt {attempt}";
    }

    [Function(Fail)]
    public static void AlwaysFail([ActivityTrigger] FidelityInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Log(input, Fail);
        throw new InvalidOperationException(input.Value);
    }

    static async Task<string> WaitForPingAsync(TaskOrchestrationContext context)
    {
        try
        {
            await context.WaitForExternalEvent<int>("Ping", TimeSpan.FromSeconds(1));
            return "received";
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }

    static int Log(FidelityInput input, string activity)
    {
        ConcurrentQueue<string> log = Executions.GetOrAdd(input.InstanceId, _ => new ConcurrentQueue<string>());
        log.Enqueue($"{activity}({input.Value})");
        return log.Count(e => e.StartsWith(activity + "(", StringComparison.Ordinal));
    }
}
