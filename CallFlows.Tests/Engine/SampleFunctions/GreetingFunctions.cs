using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Engine.SampleFunctions;

/// <summary>Functions-style sample: orchestrator -> activity -> event with timeout -> activity.</summary>
public sealed class GreetingFunctions(Greeter greeter)
{
    public const string Orchestrator = "Engine_Greeting";
    public const string ParentOrchestrator = "Engine_GreetingParent";
    public const string Activity = "Engine_SayHello";
    public const string EventName = "Approved";

    [Function(Orchestrator)]
    public static async Task<GreetingResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ILogger logger = context.CreateReplaySafeLogger<GreetingFunctions>();
        GreetingRequest request = context.GetInput<GreetingRequest>()!;
        string first = await context.CallActivityAsync<string>(Activity, request.Name);
        context.SetCustomStatus(new { stage = "waiting" });
        logger.LogInformation("Waiting for approval of {Name}", request.Name);

        bool timedOut = false;
        string approvedBy = "nobody";
        try
        {
            Approval approval = await context.WaitForExternalEvent<Approval>(EventName, TimeSpan.FromSeconds(request.WaitSeconds));
            approvedBy = approval.By;
        }
        catch (TaskCanceledException)
        {
            timedOut = true;
        }

        string second = await context.CallActivityAsync<string>(Activity, approvedBy);
        context.SetCustomStatus(new { stage = "done" });
        return new GreetingResult(first, second, timedOut, context.Parent?.InstanceId);
    }

    [Function(ParentOrchestrator)]
    public static Task<GreetingResult> RunParentAsync([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext functionContext)
    {
        functionContext.GetLogger<GreetingFunctions>().LogDebug("parent {Id}", context.InstanceId);
        return context.CallSubOrchestratorAsync<GreetingResult>(Orchestrator, context.GetInput<GreetingRequest>());
    }

    [Function(Activity)]
    public string SayHello([ActivityTrigger] string name, FunctionContext functionContext)
    {
        functionContext.GetLogger<GreetingFunctions>().LogDebug("greeting {Name}", name);
        return greeter.Greet(name);
    }
}
