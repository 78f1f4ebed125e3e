using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Engine.SampleFunctions;

/// <summary>An activity failure reaching the flow as TaskFailedException with FailureDetails.</summary>
public static class FailureFunctions
{
    public const string Orchestrator = "Engine_Failing";

    [Function(Orchestrator)]
    public static async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, bool rethrow)
    {
        try
        {
            await context.CallActivityAsync("Engine_Throw", "card declined");
            return "unreachable";
        }
        catch (TaskFailedException ex) when (!rethrow)
        {
            return $"{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}:{ex.FailureDetails.ErrorMessage}";
        }
    }

    /// <summary>An orchestrator whose activity fails until its key is healed: a failed instance to rewind.</summary>
    public const string Rewindable = "Engine_Rewindable";

    /// <summary>Gets the keys whose activity succeeds from now on.</summary>
    public static ConcurrentDictionary<string, bool> Healed { get; } = new(StringComparer.Ordinal);

    [Function(Rewindable)]
    public static Task<string> RunRewindableAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        context.CallActivityAsync<string>("Engine_FailUntilHealed", context.GetInput<string>());

    [Function("Engine_FailUntilHealed")]
    public static string FailUntilHealed([ActivityTrigger] string key) =>
        Healed.ContainsKey(key) ? "healed " + key : throw new InvalidOperationException("not healed yet: " + key);

    [Function("Engine_Throw")]
    public static void Throw([ActivityTrigger] string message) => throw new InvalidOperationException(message);
}
