namespace CallFlows.Runtime.Hosting;

/// <summary>The Durable Functions check-status payload of an instance (same property names as the extension's).</summary>
/// <param name="Id">The instance id.</param>
/// <param name="StatusQueryGetUri">GET: the instance status.</param>
/// <param name="SendEventPostUri">POST: raise an event (<c>{eventName}</c> placeholder).</param>
/// <param name="TerminatePostUri">POST: terminate (<c>{text}</c> placeholder for the reason).</param>
/// <param name="PurgeHistoryDeleteUri">DELETE: purge the history.</param>
/// <param name="RestartPostUri">POST: restart.</param>
/// <param name="SuspendPostUri">POST: suspend.</param>
/// <param name="ResumePostUri">POST: resume.</param>
public sealed record CallManagementLinks(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri,
    string? RestartPostUri,
    string? SuspendPostUri,
    string? ResumePostUri)
{
    /// <summary>GET: this app's call view (<c>/api/calls/{id}</c>).</summary>
    public string? CallStatusGetUri { get; init; }
}
