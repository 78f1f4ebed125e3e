using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Triggers;

/// <summary>HTTP adapter: the Event Grid webhook for <c>Microsoft.Communication.IncomingCall</c> (POST, plus the CloudEvents OPTIONS handshake).</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class IncomingCallTrigger
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "IncomingCallWebhook";

    /// <summary><c>POST|OPTIONS /api/incoming-call</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="context">The function context (its services).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The HTTP result.</returns>
    [Function(FunctionName)]
    public static Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", "options", Route = "incoming-call")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.InstanceServices;
        var admission = services.GetRequiredService<IncomingCallAdmission>();
        var guard = services.GetRequiredService<RequestGuard>();
        return services.GetRequiredService<EventGridAuthGate>().RunAsync(request, () => guard.RunAsync(request,
            () => admission.RunAsync(request, () => services.GetRequiredService<IncomingCallDispatcher>().HandleAsync(request, client, cancellationToken))));
    }
}
