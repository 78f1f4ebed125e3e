using CallFlows.Emulator.Observability;

namespace CallFlows.Tests.EndToEnd;

/// <summary>A finished call flow as the tests see it: the app's status view and the emulator's requests for that call.</summary>
/// <param name="InstanceId">The orchestration instance id.</param>
/// <param name="Status">The last <c>GET /api/calls/{id}</c> answer.</param>
/// <param name="Requests">The emulator's request log entries of this call (by call connection id or incoming call context).</param>
public sealed record FlowCall(string InstanceId, CallStatusResponse Status, IReadOnlyList<RecordedRequest> Requests)
{
    public CallFlowOutcome Outcome => this.Status.Outcome ?? throw new InvalidOperationException($"Instance {this.InstanceId} has no outcome: {this.Status}");

    /// <summary>Requests the emulator performed (not replays of a repeatability id, not injected faults), in order.</summary>
    public IReadOnlyList<RecordedRequest> Performed => this.Requests.Where(r => !r.IsReplay && !r.IsInjectedFault).ToList();

    /// <summary>The performed operations in order, e.g. <c>AnswerCall, CallConnection_AddParticipant</c>.</summary>
    public IReadOnlyList<string> Operations => this.Performed.Select(r => r.Operation ?? r.Path).ToList();
}
