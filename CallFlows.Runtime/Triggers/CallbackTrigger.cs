using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Triggers;

/// <summary>HTTP adapter: ACS Call Automation callbacks of one flow instance (authenticated by the ACS JWT, hence anonymous).</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class CallbackTrigger
{
    /// <summary>The function name.</summary>
    public const string FunctionName = "AcsCallback";

    /// <summary><c>POST /api/callbacks/{instanceId}</c>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="instanceId">The flow instance.</param>
    /// <param name="context">The function context (its services).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The HTTP result.</returns>
    [Function(FunctionName)]
    public static Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "callbacks/{instanceId}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string instanceId,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.InstanceServices;
        return services.GetRequiredService<RequestGuard>().RunAsync(request,
            () => services.GetRequiredService<CallbackDispatcher>().HandleAsync(request, instanceId, client, cancellationToken));
    }
}
