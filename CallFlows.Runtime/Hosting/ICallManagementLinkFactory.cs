using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace CallFlows.Runtime.Hosting;

/// <summary>
/// Creates the management links of an instance. The Functions app registers <see cref="DurableFunctionsLinkFactory"/>
/// (the extension's own payload); other hosts register theirs, so the HTTP functions stay identical everywhere.
/// </summary>
public interface ICallManagementLinkFactory
{
    /// <summary>Creates the links.</summary>
    /// <param name="request">The request that started the instance (for the base URL).</param>
    /// <param name="client">The durable client.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The links.</returns>
    CallManagementLinks Create(HttpRequest request, DurableTaskClient client, string instanceId);
}
