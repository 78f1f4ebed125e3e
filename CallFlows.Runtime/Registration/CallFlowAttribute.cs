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
}
