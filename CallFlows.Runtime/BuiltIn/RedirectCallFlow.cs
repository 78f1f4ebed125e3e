using CallFlows.CallAutomation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CallFlows.Runtime.BuiltIn;

/// <summary>Built-in inbound flow of a rule with <c>Action: Redirect</c>: redirects the call to the rule's target.</summary>
[CallFlow]
public sealed class RedirectCallFlow : InboundCallFlow<RedirectCallSettings, RoutedCallResult>
{
    /// <summary>The orchestrator function.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <returns>The outcome.</returns>
    [Function(nameof(RedirectCallFlow))]
    public static Task<CallFlowOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) => CallFlowRunner.RunAsync<RedirectCallFlow>(context);

    /// <inheritdoc />
    public override async Task<RoutedCallResult> RunAsync(CallFlowContext flow, IncomingCall incomingCall, RedirectCallSettings settings)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(settings);
        var redirected = await flow.RedirectAsync(incomingCall, CommunicationIdentifier.FromRawId(settings.Target!));
        return redirected.Succeeded ? RoutedCallResult.Redirected : RoutedCallResult.RedirectFailed;
    }
}
