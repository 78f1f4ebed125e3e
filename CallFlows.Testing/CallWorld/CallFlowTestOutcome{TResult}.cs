using CallFlows.Runtime;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>How a flow ended on the test kit: its typed result and outcome, the call actions it took and the callbacks ACS sent, in order.</summary>
/// <typeparam name="TResult">The flow's result enum.</typeparam>
public sealed class CallFlowTestOutcome<TResult>
    where TResult : struct, Enum
{
    private readonly Microsoft.DurableTask.DataConverter _converter;

    internal CallFlowTestOutcome(OrchestrationRun<CallFlowOutcome> run, IReadOnlyList<string> callbacks, Microsoft.DurableTask.DataConverter converter)
    {
        _converter = converter;
        Run = run;
        Callbacks = callbacks;
        Result = run.Output is { } outcome && Enum.TryParse<TResult>(outcome.Result, ignoreCase: false, out var value) && Enum.IsDefined(value) ? value : null;
    }

    /// <summary>
    /// The flow's result; null when the flow threw, or let a hang-up or a failed set-up escape (then
    /// <see cref="Outcome"/>'s result is <c>CallEnded</c> or <c>NotConnected</c>).
    /// </summary>
    public TResult? Result { get; }

    /// <summary>The outcome as the orchestration outputs it (and <c>GET /api/calls/{id}</c> shows it); null when the flow threw.</summary>
    public CallFlowOutcome? Outcome => Run.Output;

    /// <summary>What the result means, in a sentence (from the result value's <see cref="FlowOutcomeAttribute"/>).</summary>
    public string? Description => Outcome?.Description;

    /// <summary>More about this call, in a sentence (the flow's <c>SetOutcomeDetail</c>, or the failure behind an unsuccessful result).</summary>
    public string? Detail => Outcome?.Detail;

    /// <summary>Whether the result counts as success.</summary>
    public bool Succeeded => Outcome?.Succeeded == true;

    /// <summary>The call actions (activity names, see <c>CallActionNames</c>) in the order the flow took them, one per attempt.</summary>
    public IReadOnlyList<string> Actions => Run.ActivityNames;

    /// <summary>The callback events ACS delivered, by name, in order (e.g. <c>CallConnected</c>, <c>ParticipantsUpdated</c>).</summary>
    public IReadOnlyList<string> Callbacks { get; }

    /// <summary>The virtual time the flow ran.</summary>
    public TimeSpan Elapsed => Run.Elapsed;

    /// <summary>The full record of the run (activities with inputs, timers, events, custom statuses); <see cref="OrchestrationRun.Describe"/> prints it.</summary>
    public OrchestrationRun<CallFlowOutcome> Run { get; }

    /// <summary>What the flow sent with an action, e.g. <c>outcome.ActionInput&lt;TransferCallInput&gt;("TransferCall").Target</c> (the inputs are in <c>CallFlows.Runtime.Protocol</c>).</summary>
    /// <typeparam name="TInput">The action's input type.</typeparam>
    /// <param name="actionName">The action (activity) name.</param>
    /// <param name="occurrence">Which call of it: 1 for the first.</param>
    /// <returns>The input, read back as the activity binds it.</returns>
    /// <exception cref="InvalidOperationException">The flow did not take the action that often.</exception>
    public TInput ActionInput<TInput>(string actionName, int occurrence = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(actionName);
        var activity = Run.Activities.Where(a => !a.IsSubOrchestration && string.Equals(a.Name, actionName, StringComparison.OrdinalIgnoreCase)).ElementAtOrDefault(occurrence - 1)
            ?? throw new InvalidOperationException($"The flow took {actionName} fewer than {occurrence} time(s): {string.Join(", ", Actions)}.");
        return activity.SerializedInput is { } input
            ? _converter.Deserialize<TInput>(input) ?? throw new InvalidOperationException($"{actionName} had a null input.")
            : throw new InvalidOperationException($"{actionName} had no input.");
    }

    /// <summary>The outcome as a sentence, e.g. <c>SupportLine ended Voicemail after 00:00:22.140 (AnswerCall, AddParticipant, TransferCall): The agent did not answer; …</c>.</summary>
    /// <returns>The sentence.</returns>
    public override string ToString() => Outcome is { } outcome
        ? $"{outcome.Flow} ended {outcome.Result} after {VirtualTime.Format(Elapsed)} ({string.Join(", ", Actions)}): {outcome.Description}{(outcome.Detail is null ? string.Empty : " " + outcome.Detail)}"
        : $"{Run.Name} failed after {VirtualTime.Format(Elapsed)}: {Run.Failure?.ErrorMessage}";
}
