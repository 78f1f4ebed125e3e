using System.ComponentModel.DataAnnotations;
using CallFlows.CallAutomation;
using Microsoft.DurableTask;

namespace CallFlows.Runtime;

/// <summary>
/// A flow started by an incoming call through a routing rule. Mark the class with <see cref="CallFlowAttribute"/> and
/// give it its orchestrator function (see there). <typeparamref name="TSettings"/> is bound from the rule's
/// <c>Settings</c> section and validated at startup (data annotations, <see cref="IValidatableObject"/> and
/// <see cref="Validate"/>); <typeparamref name="TResult"/> is the flow's own result enum.
/// </summary>
/// <typeparam name="TSettings">The flow's settings.</typeparam>
/// <typeparam name="TResult">The flow's result enum (describe its values with <see cref="FlowOutcomeAttribute"/>).</typeparam>
public abstract class InboundCallFlow<TSettings, TResult> : CallFlowBase
    where TSettings : class, new()
    where TResult : struct, Enum
{
    internal override CallFlowKind Kind => CallFlowKind.Inbound;

    internal override Type InputType => typeof(TSettings);

    internal override Type ResultType => typeof(TResult);

    /// <summary>Runs the flow. Orchestrator code: deterministic, no I/O (see <see cref="CallFlowContext"/>).</summary>
    /// <param name="flow">The flow's context: answer, reject, redirect, wait, time.</param>
    /// <param name="incomingCall">The call from the Event Grid IncomingCall event.</param>
    /// <param name="settings">The routing rule's settings.</param>
    /// <returns>The flow's result.</returns>
    public abstract Task<TResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, TSettings settings);

    /// <summary>Checks settings beyond their data annotations; runs at startup for every rule naming the flow.</summary>
    /// <param name="settings">The bound settings.</param>
    /// <returns>The problems, each naming its setting in <see cref="ValidationResult.MemberNames"/>; empty when valid.</returns>
    protected virtual IEnumerable<ValidationResult> Validate(TSettings settings) => [];

    internal override IReadOnlyList<ValidationResult> ValidateInput(object input)
    {
        var settings = (TSettings)input;
        var results = Annotations(settings);
        results.AddRange(Validate(settings));
        return results;
    }

    internal override Task<CallFlowOutcome> ExecuteAsync(TaskOrchestrationContext context)
    {
        var input = context.GetInput<InboundFlowInput<TSettings>>()
            ?? throw new InvalidOperationException($"Flow {context.Name.Name} ({context.InstanceId}) was started without an input.");
        return CallFlowExecution.RunAsync<TResult>(context, flow =>
        {
            flow.AnsweredOnArrivalAt = input.AnsweredOnArrivalAt;
            flow.RootSpanId = input.RootSpanId;
            flow.HistoryVersion = input.HistoryVersion;
            return RunAsync(flow, input.IncomingCall, input.Settings ?? new TSettings());
        });
    }
}
