using CallFlows.CallAutomation;
using CallFlows.Runtime.Protocol;

namespace CallFlows.Testing.CallWorld;

/// <summary>The IncomingCall event of a test call and the orchestration input the webhook would start the flow with.</summary>
internal sealed class IncomingTestCall
{
    public IncomingTestCall(TestPhone from, TestPhone to, object settings, string route)
    {
        var incoming = new IncomingCall
        {
            EventId = "incoming-call-1",
            From = from.Identifier,
            To = to.Identifier,
            ServerCallId = "server-call-incoming",
            CorrelationId = "correlation-incoming",
            IncomingCallContext = "incoming-call-context-1",
        };
        var inputType = typeof(InboundFlowInput<>).MakeGenericType(settings.GetType());
        // Every constructor parameter, the optional ones (answered on arrival, root span id) as their defaults:
        // reflection does not fill optional parameters.
        var constructor = inputType.GetConstructors().Single();
        object?[] arguments = [incoming, route, settings, .. constructor.GetParameters().Skip(3).Select(p => p.DefaultValue is DBNull ? null : p.DefaultValue)];
        Input = constructor.Invoke(arguments);
        // The history layout the webhook writes today (timers of finished waits are reused by later ones).
        inputType.GetProperty(nameof(InboundFlowInput<object>.HistoryVersion))!.SetValue(Input, InboundFlowInput<object>.CurrentHistoryVersion);
    }

    /// <summary>The <see cref="InboundFlowInput{TSettings}"/>.</summary>
    public object Input { get; }
}
