using System.Reflection;
using CallFlows.Runtime;
using CallFlows.Testing.Orchestrations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Testing.CallWorld;

/// <summary>A flow class's orchestrator function (its <c>[Function]</c> with an <c>[OrchestrationTrigger]</c>): the code the engine runs, and its name.</summary>
internal sealed record FlowOrchestrator(string Name, Func<TaskOrchestrationContext, Task<CallFlowOutcome>> Run)
{
    public static FlowOrchestrator Of(Type flowType)
    {
        var methods = flowType.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                && m.ReturnType == typeof(Task<CallFlowOutcome>)
                && m.GetParameters() is [{ } only] && only.ParameterType == typeof(TaskOrchestrationContext) && only.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
            .ToList();
        if (methods.Count != 1)
        {
            throw new OrchestrationTestException(
                $"Flow {flowType.Name} needs exactly one orchestrator function to test, e.g. [Function(nameof({flowType.Name}))] public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<{flowType.Name}>(context); found {methods.Count}.");
        }

        var method = methods[0];
        return new FlowOrchestrator(method.GetCustomAttribute<FunctionAttribute>()!.Name, method.CreateDelegate<Func<TaskOrchestrationContext, Task<CallFlowOutcome>>>());
    }
}
