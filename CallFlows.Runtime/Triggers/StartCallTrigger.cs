using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Triggers;

/// <summary>HTTP adapter: starts an outbound flow.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class StartCallTrigger
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "StartCall";

    /// <summary><c>POST /api/calls</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="context">The function context (its services).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>202 with the check-status payload, or 400.</returns>
    [Function(FunctionName)]
    public static Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "calls")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.InstanceServices;
        return services.GetRequiredService<RequestGuard>().RunAsync(request,
            () => services.GetRequiredService<CallStarter>().HandleAsync(request, client, cancellationToken));
    }
}
