using CallFlows.Functions.Admission;
using CallFlows.Functions.Routing;
using CallFlows.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Functions.Triggers;

/// <summary>HTTP adapter: the Event Grid webhook for <c>Microsoft.Communication.IncomingCall</c> (POST, plus the CloudEvents OPTIONS handshake).</summary>
/// <param name="dispatcher">The webhook logic.</param>
/// <param name="admission">Admission control: answers 429/503 + Retry-After before anything is scheduled when the app is saturated.</param>
/// <param name="guard">Size and content-type checks before the body is read.</param>
/// <param name="eventGridAuth">The Microsoft Entra token check of Event Grid deliveries (off unless configured).</param>
public sealed class IncomingCallTrigger(IncomingCallDispatcher dispatcher, IncomingCallAdmission admission, RequestGuard guard, EventGridAuthGate eventGridAuth)
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "IncomingCallWebhook";

    /// <summary><c>POST|OPTIONS /api/incoming-call</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The HTTP result.</returns>
    [Function(FunctionName)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", "options", Route = "incoming-call")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        eventGridAuth.RunAsync(request, () => guard.RunAsync(request, () => admission.RunAsync(request, () => dispatcher.HandleAsync(request, client, cancellationToken))));
}
