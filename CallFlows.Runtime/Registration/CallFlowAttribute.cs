namespace CallFlows.Runtime;

/// <summary>
/// Registers a flow: routing rules (<c>CallFlows:Routing:Rules:N:Flow</c>) and <c>POST /api/calls</c> may name it.
/// The class derives from <see cref="InboundCallFlow{TSettings, TResult}"/> or <see cref="OutboundCallFlow{TInput, TResult}"/>
/// and holds its orchestrator function, whose name is the flow's name:
/// <code>
/// [Function(nameof(MyFlow))]
/// public static Task&lt;CallFlowOutcome&gt; Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync&lt;MyFlow&gt;(context);
/// </code>
/// The app checks at startup that every registered flow has that function.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CallFlowAttribute : Attribute
{
    /// <summary>
    /// For an inbound flow whose first call action is <see cref="CallFlowContext.AnswerAsync"/>: the Event Grid webhook
    /// answers the call itself, right after it has durably scheduled the flow, with the very request (repeatability id,
    /// operation context, callback URI) the flow's first action sends, so the call is answered once and without waiting
    /// behind the task hub's backlog. The flow's <c>AnswerAsync</c> then sends no request: it takes the call from that
    /// answer's <c>CallConnected</c>, and sends the same request itself (ACS performs it or replays the webhook's) only
    /// when the webhook reports that its answer failed or no <c>CallConnected</c> came within 5 s. Default
    /// <see langword="false"/>. A flow marked so whose first action is something else fails at that action.
    /// </summary>
    public bool AnswerOnArrival { get; set; }
}
