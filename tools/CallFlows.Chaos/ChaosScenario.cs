using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;
using CallFlows.LocalHost.App;

namespace CallFlows.Chaos;

/// <summary>One kind of call of the chaos mix and how its flow must end (the demo's numbers and people).</summary>
/// <param name="Name">Short name.</param>
/// <param name="ExpectedFlow">The orchestrator that must handle it.</param>
/// <param name="ExpectedResult">The flow result it must end with.</param>
/// <param name="CalledNumber">For an inbound call: the number called (the caller is unique per call); else <see langword="null"/>.</param>
/// <param name="OutboundBody">For an outbound call: the <c>POST /api/calls</c> body given the resource id and the instance id; else <see langword="null"/>.</param>
public sealed record ChaosScenario(
    string Name,
    string ExpectedFlow,
    string ExpectedResult,
    string? CalledNumber,
    Func<string, string, object>? OutboundBody)
{
    /// <summary>Gets what each inbound caller of this scenario does (key presses for the IVR); null for the demo's default caller.</summary>
    public IReadOnlyList<CallerInput>? CallerScript { get; init; }

    /// <summary>Gets a value indicating whether the call comes in through Event Grid.</summary>
    public bool IsInbound => this.CalledNumber is not null;

    /// <summary>Gets the scenarios of the mix: every inbound routing outcome and every simple outbound flow of the demo.</summary>
    public static IReadOnlyList<ChaosScenario> All { get; } =
    [
        Inbound("agent-answers", DemoWorld.AgentAnswersNumber, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.AgentConnected)),
        Inbound("agent-declines", DemoWorld.AgentDeclinesNumber, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.TransferredToFallback)),
        Inbound("agent-busy", DemoWorld.AgentBusyNumber, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.HungUpNoAgent)),
        Inbound("agent-no-answer", DemoWorld.AgentNoAnswerNumber, nameof(InboundRoutingFlow), nameof(InboundRoutingFlowResult.HungUpNoAgent)),
        Inbound("rejected", DemoWorld.RejectedNumber, nameof(RejectCallFlow), nameof(RoutedCallResult.Rejected)),
        Inbound("redirected", DemoWorld.RedirectedNumber, nameof(RedirectCallFlow), nameof(RoutedCallResult.Redirected)),
        // IVR calls never re-ask here: the duplicate detector identifies a request by its body, and a re-asked menu is
        // the same Recognize body twice on purpose.
        Inbound("ivr-sales", DemoWorld.IvrNumber, nameof(IvrFlow), nameof(IvrResult.AgentConnected)) with { CallerScript = [CallerInput.Press("1")] },
        Inbound("ivr-voicemail", DemoWorld.IvrNumber, nameof(IvrFlow), nameof(IvrResult.Voicemail)) with
        {
            CallerScript = [CallerInput.Press("2"), CallerInput.HangUp(TimeSpan.FromSeconds(1))],
        },
        new("outbound-pstn", nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp), null, (_, id) => new
        {
            flow = "OutboundCall", instanceId = id, targets = new[] { "4:" + DemoWorld.PstnCalleeNumber }, callerId = "4:" + DemoWorld.AgentAnswersNumber,
        }),
        new("outbound-acs-user", nameof(OutboundCallFlow), nameof(OutboundCallFlowResult.CalleeHungUp), null, (resourceId, id) => new
        {
            flow = "OutboundCall", instanceId = id, targets = new[] { DemoWorld.AcsCallee(resourceId) },
        }),
        new("group-call", nameof(GroupCallFlow), nameof(GroupCallFlowResult.EndedByParticipants), null, (resourceId, id) => new
        {
            flow = "GroupCall", instanceId = id, targets = new[] { "4:" + DemoWorld.PstnCallee2Number, DemoWorld.AcsCallee(resourceId) },
            // The participants leave after 1.5 and 2 s; the maximum duration is longer than a restart plus the 15 s queue
            // visibility timeout, so the roster that ends the call, delayed by a crash, still comes before the timer.
            callerId = "4:" + DemoWorld.AgentAnswersNumber, maxDurationSeconds = 40,
        }),
        new("connect-room", nameof(ConnectCallFlow), nameof(ConnectCallFlowResult.LeftAtMaxDuration), null, (_, id) => new
        {
            flow = "ConnectCall", instanceId = id, locator = new { kind = "room", id = DemoWorld.DemoRoomId }, maxDurationSeconds = 2,
        }),
    ];

    static ChaosScenario Inbound(string name, string called, string flow, string result) => new(name, flow, result, called, null);
}
