using CallFlows.Functions.Runtime;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>How a flow ended on the test kit: its outcome, the call actions it took and the callbacks ACS sent, in order.</summary>
public sealed class CallFlowTestOutcome
{
    internal CallFlowTestOutcome(OrchestrationRun<CallFlowOutcome> run, IReadOnlyList<string> callbacks)
    {
        Run = run;
        Callbacks = callbacks;
    }

    /// <summary>The flow's outcome; null when the flow threw (see <see cref="OrchestrationRun.Exception"/>).</summary>
    public CallFlowOutcome? Outcome => Run.Output;

    /// <summary>The flow's result name (e.g. <c>AgentConnected</c>); null when the flow threw.</summary>
    public string? Result => Outcome?.Result;

    /// <summary>Whether the flow reported success.</summary>
    public bool Succeeded => Outcome?.Succeeded == true;

    /// <summary>The call actions (activity names) in the order the flow took them, one per attempt.</summary>
    public IReadOnlyList<string> Actions => Run.ActivityNames;

    /// <summary>The callback event names ACS sent, in order (e.g. <c>CallConnected</c>, <c>ParticipantsUpdated</c>).</summary>
    public IReadOnlyList<string> Callbacks { get; }

    /// <summary>The virtual time the flow ran.</summary>
    public TimeSpan Elapsed => Run.Elapsed;

    /// <summary>The full record of the run.</summary>
    public OrchestrationRun<CallFlowOutcome> Run { get; }

    /// <summary>The outcome as a sentence.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Outcome is { } outcome
        ? $"{outcome.Flow} ended {outcome.Result} after {VirtualTime.Format(Elapsed)} ({string.Join(", ", Actions)}){(outcome.Detail is null ? string.Empty : ": " + outcome.Detail)}"
        : $"{Run.Name} failed after {VirtualTime.Format(Elapsed)}: {Run.Failure?.ErrorMessage}";
}
