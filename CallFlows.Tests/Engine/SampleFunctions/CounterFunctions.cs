using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Engine.SampleFunctions;

/// <summary>An instance-method orchestrator (class built with DI) that counts events until told to stop.</summary>
public sealed class CounterFunctions(Greeter greeter)
{
    public const string Orchestrator = "Engine_Counter";

    [Function(Orchestrator)]
    public async Task<string> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        // Bounded: a long-lived counter would ContinueAsNew instead of growing its history.
        int count = 0;
        for (int round = 0; round < 10; round++)
        {
            context.SetCustomStatus(new { count });
            string command = await context.WaitForExternalEvent<string>("Command", TimeSpan.FromMinutes(2));
            if (command == "stop")
            {
                return greeter.Greet(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            count++;
        }

        return "too many commands";
    }
}
