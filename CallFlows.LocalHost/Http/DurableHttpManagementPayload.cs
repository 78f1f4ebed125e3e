using System.Text.Json.Serialization;

namespace CallFlows.LocalHost.Http;

/// <summary>
/// The Durable Functions "check status" payload: the management URLs of one orchestration instance, in the same
/// JSON shape as <c>CreateCheckStatusResponse</c> returns in Azure (<c>id</c>, <c>statusQueryGetUri</c>, ...).
/// </summary>
public sealed record DurableHttpManagementPayload
{
    /// <summary>Gets the instance id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>Gets the status URL (GET).</summary>
    [JsonPropertyName("statusQueryGetUri")]
    public required string StatusQueryGetUri { get; init; }

    /// <summary>Gets the raise-event URL template (POST; replace <c>{eventName}</c>).</summary>
    [JsonPropertyName("sendEventPostUri")]
    public required string SendEventPostUri { get; init; }

    /// <summary>Gets the terminate URL template (POST; replace <c>{text}</c> with the reason).</summary>
    [JsonPropertyName("terminatePostUri")]
    public required string TerminatePostUri { get; init; }

    /// <summary>Gets the purge URL (DELETE).</summary>
    [JsonPropertyName("purgeHistoryDeleteUri")]
    public required string PurgeHistoryDeleteUri { get; init; }

    /// <summary>Gets the restart URL (POST; the flow runs again with its original input, under a new instance id unless <c>restartWithNewInstanceId=false</c>).</summary>
    [JsonPropertyName("restartPostUri")]
    public required string RestartPostUri { get; init; }

    /// <summary>Gets the suspend URL template (POST; replace <c>{text}</c> with the reason).</summary>
    [JsonPropertyName("suspendPostUri")]
    public required string SuspendPostUri { get; init; }

    /// <summary>Gets the resume URL template (POST; replace <c>{text}</c> with the reason).</summary>
    [JsonPropertyName("resumePostUri")]
    public required string ResumePostUri { get; init; }

    /// <summary>Builds the payload for an instance served by the local host (or any Functions host) at <paramref name="baseAddress"/>.</summary>
    /// <param name="baseAddress">Scheme, host and port of the host, e.g. <c>http://127.0.0.1:7071/</c>; a path is ignored.</param>
    /// <param name="instanceId">The orchestration instance id.</param>
    /// <returns>The payload.</returns>
    public static DurableHttpManagementPayload Create(Uri baseAddress, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        string instanceUrl = baseAddress.GetLeftPart(UriPartial.Authority)
            + "/runtime/webhooks/durabletask/instances/" + Uri.EscapeDataString(instanceId);
        return new DurableHttpManagementPayload
        {
            Id = instanceId,
            StatusQueryGetUri = instanceUrl,
            SendEventPostUri = instanceUrl + "/raiseEvent/{eventName}",
            TerminatePostUri = instanceUrl + "/terminate?reason={text}",
            PurgeHistoryDeleteUri = instanceUrl,
            RestartPostUri = instanceUrl + "/restart",
            SuspendPostUri = instanceUrl + "/suspend?reason={text}",
            ResumePostUri = instanceUrl + "/resume?reason={text}",
        };
    }
}
