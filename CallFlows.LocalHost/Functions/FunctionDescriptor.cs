using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace CallFlows.LocalHost.Functions;

/// <summary>One hosted <c>[Function]</c> method and how each of its parameters is bound.</summary>
internal sealed record FunctionDescriptor(
    string Name,
    FunctionKind Kind,
    MethodInfo Method,
    IReadOnlyList<(ParameterInfo Parameter, BindingSource Source)> Parameters,
    HttpTriggerAttribute? HttpTrigger)
{
    /// <summary>Gets the timer trigger of a <see cref="FunctionKind.Timer"/> function.</summary>
    public TimerTriggerAttribute? TimerTrigger { get; init; }

    public string DisplayMethod => this.Method.DeclaringType?.FullName + "." + this.Method.Name;

    /// <summary>Gets the type of the trigger input (activity input or orchestrator input parameter), else <see cref="object"/>.</summary>
    public Type InputType => this.Parameters
        .Where(p => p.Source is BindingSource.ActivityInput or BindingSource.OrchestrationInput)
        .Select(p => p.Parameter.ParameterType)
        .FirstOrDefault() ?? typeof(object);
}
