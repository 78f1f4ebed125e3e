namespace CallFlows.CallAutomation;

/// <summary>The outcome carried by a callback event (wire <c>resultInformation</c>); see PROTOCOL.md §7.4 for known code pairs.</summary>
public sealed class ResultInformation
{
    /// <summary>The result code (SIP-like, e.g. 200, 487, 603).</summary>
    public int? Code { get; init; }

    /// <summary>The sub code that refines <see cref="Code"/>.</summary>
    public int? SubCode { get; init; }

    /// <summary>A human-readable message.</summary>
    public string? Message { get; init; }

    /// <summary>SIP diagnostics, when the service reports them.</summary>
    public SipDiagnosticInfo? SipDetails { get; init; }

    /// <summary>Q.850 diagnostics, when the service reports them.</summary>
    public SipDiagnosticInfo? Q850Details { get; init; }
}
