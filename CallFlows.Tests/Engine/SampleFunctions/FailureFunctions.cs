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

    [Function("Engine_Throw")]
    public static void Throw([ActivityTrigger] string message) => throw new InvalidOperationException(message);
}
