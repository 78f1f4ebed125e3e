using System.ComponentModel.DataAnnotations;
using Microsoft.DurableTask;

namespace CallFlows.Runtime;

/// <summary>
/// A flow started by <c>POST /api/calls</c> (<c>{"flow": "Name", ...input}</c>). Mark the class with
/// <see cref="CallFlowAttribute"/> and give it its orchestrator function (see there). The request body is read as
/// <typeparamref name="TInput"/> and validated (data annotations, <see cref="IValidatableObject"/> and
/// <see cref="Validate"/>) before anything starts: a problem answers 400 naming the field.
/// </summary>
/// <typeparam name="TInput">The flow's input.</typeparam>
/// <typeparam name="TResult">The flow's result enum (describe its values with <see cref="FlowOutcomeAttribute"/>).</typeparam>
public abstract class OutboundCallFlow<TInput, TResult> : CallFlowBase
    where TInput : class
    where TResult : struct, Enum
{
    internal override CallFlowKind Kind => CallFlowKind.Outbound;

    internal override Type InputType => typeof(TInput);

    internal override Type ResultType => typeof(TResult);

    /// <summary>Runs the flow. Orchestrator code: deterministic, no I/O (see <see cref="CallFlowContext"/>).</summary>
    /// <param name="flow">The flow's context: place or join calls, wait, time.</param>
    /// <param name="input">The validated input.</param>
    /// <returns>The flow's result.</returns>
    public abstract Task<TResult> RunAsync(CallFlowContext flow, TInput input);

    /// <summary>Checks an input beyond its data annotations, before the flow is started.</summary>
    /// <param name="input">The input.</param>
    /// <returns>The problems, each naming its field in <see cref="ValidationResult.MemberNames"/>; empty when valid.</returns>
    protected virtual IEnumerable<ValidationResult> Validate(TInput input) => [];

    internal override IReadOnlyList<ValidationResult> ValidateInput(object input)
    {
        var typed = (TInput)input;
        var results = Annotations(typed);
        results.AddRange(Validate(typed));
        return results;
    }

    internal override Task<CallFlowOutcome> ExecuteAsync(TaskOrchestrationContext context)
    {
        var input = context.GetInput<TInput>()
            ?? throw new InvalidOperationException($"Flow {context.Name.Name} ({context.InstanceId}) was started without an input.");
        var rootSpanId = CallFlowExecution.ReadRootSpanId(context);
        return CallFlowExecution.RunAsync<TResult>(context, flow =>
        {
            flow.RootSpanId = rootSpanId;
            return RunAsync(flow, input);
        });
    }
}
