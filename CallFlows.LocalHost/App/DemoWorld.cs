using CallFlows.CallAutomation;
using CallFlows.Emulator;
using CallFlows.Emulator.Simulation;
using CallFlows.Functions.Flows;

namespace CallFlows.LocalHost.App;

/// <summary>
/// The demo's phone numbers, people and routing rules: one owned number per inbound scenario (each routed to its own
/// rule), scripted agents, callees and a fallback line. Used by <c>demo</c>, <c>start</c> and the end-to-end tests.
/// </summary>
public static class DemoWorld
{
    /// <summary>Routed to <see cref="InboundRoutingFlow"/>; the agent answers (fallback transfer if not).</summary>
    public const string AgentAnswersNumber = "+18005550100";

    /// <summary>Routed to <see cref="InboundRoutingFlow"/>; the agent declines, the caller is transferred to <see cref="FallbackNumber"/> with custom headers.</summary>
    public const string AgentDeclinesNumber = "+18005550101";

    /// <summary>Routed to <see cref="InboundRoutingFlow"/>; the agent is busy, the flow hangs up.</summary>
    public const string AgentBusyNumber = "+18005550102";

    /// <summary>Routed to <see cref="InboundRoutingFlow"/>; the agent never answers (2 s invitation timeout), the flow hangs up.</summary>
    public const string AgentNoAnswerNumber = "+18005550103";

    /// <summary>Rejected by a routing rule (reason <c>Busy</c>).</summary>
    public const string RejectedNumber = "+18005550104";

    /// <summary>Redirected by a routing rule to <see cref="RedirectTargetNumber"/>.</summary>
    public const string RedirectedNumber = "+18005550105";

    /// <summary>Routed to <see cref="InboundRoutingFlow"/>; the agent declines and the fallback line (<see cref="FallbackDeclinesNumber"/>) declines the transfer too.</summary>
    public const string TransferFailsNumber = "+18005550106";

    /// <summary>Routed to <see cref="InboundRoutingFlow"/>; the agent answers after <see cref="SlowAgentAnswerDelay"/> (restart tests kill the host meanwhile).</summary>
    public const string SlowAgentNumber = "+18005550107";

    /// <summary>Routed to <see cref="InboundRoutingFlow"/> with a 2 s answer timeout (tests make the answer fail or time out).</summary>
    public const string ShortAnswerTimeoutNumber = "+18005550108";

    /// <summary>Routed to <see cref="IvrFlow"/>: key 1 rings <see cref="IvrSalesAgent"/> (answers), key 2 <see cref="IvrSupportAgent"/> (declines: voicemail).</summary>
    public const string IvrNumber = "+18005550109";

    /// <summary>The IVR caller who presses 1 and talks to sales (the agent hangs up after 3 s).</summary>
    public const string IvrSalesCallerNumber = "+15550001006";

    /// <summary>The IVR caller who stays silent once, presses 2, finds nobody and leaves a 1 s message.</summary>
    public const string IvrVoicemailCallerNumber = "+15550001007";

    /// <summary>The fallback line: answers transfers.</summary>
    public const string FallbackNumber = "+15550109000";

    /// <summary>A fallback line that declines transfers.</summary>
    public const string FallbackDeclinesNumber = "+15550109002";

    /// <summary>Where <see cref="RedirectedNumber"/> sends calls.</summary>
    public const string RedirectTargetNumber = "+15550109001";

    /// <summary>The demo's talking caller: hangs up 12 s after being connected (the flow then ends the call). Answered on arrival, the caller is connected before the flow runs: 12 s leaves room for a backlogged flow to reach the agent first.</summary>
    public const string DemoCallerNumber = "+15550001000";

    /// <summary>A PSTN callee of the outbound demo: answers, hangs up after 1.5 s.</summary>
    public const string PstnCalleeNumber = "+15550102000";

    /// <summary>A second PSTN callee (group call): answers, hangs up after 2 s.</summary>
    public const string PstnCallee2Number = "+15550102001";

    /// <summary>The room of the connect demo.</summary>
    public const string DemoRoomId = "demo-room";

    /// <summary>How long the slow agent takes to answer.</summary>
    public static readonly TimeSpan SlowAgentAnswerDelay = TimeSpan.FromSeconds(12);

    /// <summary>Gets the numbers the emulated resource must own for the demo routes.</summary>
    public static IReadOnlyList<string> OwnedNumbers { get; } =
    [
        AgentAnswersNumber, AgentDeclinesNumber, AgentBusyNumber, AgentNoAnswerNumber, RejectedNumber, RedirectedNumber,
        TransferFailsNumber, SlowAgentNumber, ShortAnswerTimeoutNumber, IvrNumber,
    ];

    /// <summary>An ACS user of the resource (<c>8:acs:{resourceId}_{name}</c>).</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <param name="name">The user's local name.</param>
    /// <returns>The raw id.</returns>
    public static string User(string resourceId, string name) => $"8:acs:{resourceId}_{name}";

    /// <summary>The agent who answers.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string Agent(string resourceId) => User(resourceId, "demo-agent");

    /// <summary>The agent who declines.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string DecliningAgent(string resourceId) => User(resourceId, "demo-agent-declines");

    /// <summary>The busy agent.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string BusyAgent(string resourceId) => User(resourceId, "demo-agent-busy");

    /// <summary>The agent who never answers.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string SilentAgent(string resourceId) => User(resourceId, "demo-agent-silent");

    /// <summary>The agent who answers after <see cref="SlowAgentAnswerDelay"/>.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string SlowAgent(string resourceId) => User(resourceId, "demo-agent-slow");

    /// <summary>The IVR's sales agent: answers, hangs up after 3 s.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string IvrSalesAgent(string resourceId) => User(resourceId, "demo-sales");

    /// <summary>The IVR's support agent: declines.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string IvrSupportAgent(string resourceId) => User(resourceId, "demo-support");

    /// <summary>An ACS user callee of the outbound demo: answers, hangs up after 1.5 s.</summary>
    /// <param name="resourceId">The ACS resource id.</param>
    /// <returns>The raw id.</returns>
    public static string AcsCallee(string resourceId) => User(resourceId, "demo-callee");

    /// <summary>The routing rules of the demo numbers, then a catch-all reject.</summary>
    /// <param name="resourceId">The ACS resource id (agents are users of it).</param>
    /// <returns>New rule objects (callers may change them).</returns>
    public static IList<RouteRule> RoutingRules(string resourceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceId);
        RouteRule Inbound(string called, string agent, Action<InboundRouteSettings>? tune = null)
        {
            var settings = new InboundRouteSettings
            {
                Agent = agent,
                AgentInvitationTimeout = TimeSpan.FromSeconds(10),
                AgentWaitTimeout = TimeSpan.FromSeconds(15),
                OnNoAgent = NoAgentAction.Transfer,
                FallbackTarget = "4:" + FallbackNumber,
                FallbackUui = "routed-by-callflows",
            };
            settings.FallbackSipHeaders["Queue"] = "support";
            settings.FallbackVoipHeaders["queue"] = "support";
            tune?.Invoke(settings);
            return new RouteRule { Called = called, Flow = nameof(InboundRoutingFlow), Settings = RouteRule.SettingsFrom(settings) };
        }

        return
        [
            Inbound(AgentAnswersNumber, Agent(resourceId)),
            Inbound(AgentDeclinesNumber, DecliningAgent(resourceId)),
            Inbound(AgentBusyNumber, BusyAgent(resourceId), s => s.OnNoAgent = NoAgentAction.HangUp),
            Inbound(AgentNoAnswerNumber, SilentAgent(resourceId), s =>
            {
                s.OnNoAgent = NoAgentAction.HangUp;
                s.AgentInvitationTimeout = TimeSpan.FromSeconds(2);
                s.AgentWaitTimeout = TimeSpan.FromSeconds(6);
            }),
            new RouteRule { Called = RejectedNumber, Action = RouteAction.Reject, RejectReason = CallRejectReason.Busy },
            new RouteRule { Called = RedirectedNumber, Action = RouteAction.Redirect, RedirectTarget = "4:" + RedirectTargetNumber },
            Inbound(TransferFailsNumber, DecliningAgent(resourceId), s => s.FallbackTarget = "4:" + FallbackDeclinesNumber),
            Inbound(SlowAgentNumber, SlowAgent(resourceId), s =>
            {
                s.AgentInvitationTimeout = TimeSpan.FromSeconds(60);
                s.AgentWaitTimeout = TimeSpan.FromSeconds(90);
            }),
            Inbound(ShortAnswerTimeoutNumber, Agent(resourceId), s => s.AnswerTimeout = TimeSpan.FromSeconds(2)),
            new RouteRule
            {
                Called = IvrNumber,
                Flow = nameof(IvrFlow),
                Settings = RouteRule.SettingsFrom(new IvrSettings
                {
                    Departments = new Dictionary<string, string> { ["1"] = IvrSalesAgent(resourceId), ["2"] = IvrSupportAgent(resourceId) },
                    RingTime = TimeSpan.FromSeconds(5),
                    RecordingFileWait = TimeSpan.FromSeconds(20),
                }),
            },
            new RouteRule { Called = "*", Action = RouteAction.Reject, RejectReason = CallRejectReason.Forbidden },
        ];
    }

    /// <summary>Scripts the demo's people in an emulator and creates the demo room (owned numbers come from the emulator options).</summary>
    /// <param name="emulator">The emulator.</param>
    public static void Configure(AcsEmulator emulator)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        string resourceId = emulator.ResourceId.ToString();
        EmulatedWorld world = emulator.World;
        foreach (string number in OwnedNumbers.Where(n => !world.OwnedPhoneNumbers.Contains(n)))
        {
            world.AddOwnedPhoneNumber(number);
        }

        world.Configure(Agent(resourceId), IdentityBehavior.Answers());
        world.Configure(DecliningAgent(resourceId), IdentityBehavior.Declines());
        world.Configure(BusyAgent(resourceId), IdentityBehavior.IsBusy());
        world.Configure(SilentAgent(resourceId), IdentityBehavior.NeverAnswers());
        world.Configure(SlowAgent(resourceId), IdentityBehavior.Answers(SlowAgentAnswerDelay));
        world.Configure(FallbackNumber, IdentityBehavior.Answers());
        world.Configure(FallbackDeclinesNumber, IdentityBehavior.Declines());
        world.Configure(DemoCallerNumber, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(12) });
        world.Configure(PstnCalleeNumber, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1.5) });
        world.Configure(PstnCallee2Number, IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(2) });
        world.Configure(AcsCallee(resourceId), IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(1.5) });
        world.Configure(IvrSalesAgent(resourceId), IdentityBehavior.Answers() with { HangUpAfter = TimeSpan.FromSeconds(3) });
        world.Configure(IvrSupportAgent(resourceId), IdentityBehavior.Declines());
        world.Configure(IvrSalesCallerNumber, IdentityBehavior.Answers() with { MediaScript = [CallerInput.Press("1")] });
        world.Configure(IvrVoicemailCallerNumber, IdentityBehavior.Answers() with
        {
            MediaScript = [CallerInput.StaySilent(), CallerInput.Press("2"), CallerInput.HangUp(TimeSpan.FromSeconds(1))],
        });
        world.CreateRoom(DemoRoomId, User(resourceId, "room-member"));
    }
}
