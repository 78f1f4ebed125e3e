namespace CallFlows.CallAutomation;

/// <summary>A SIP or Q.850 diagnostic code and message (wire <c>SipDiagnosticInfo</c>, new in 2026-03-12).</summary>
public sealed class SipDiagnosticInfo
{
    /// <summary>The diagnostic code.</summary>
    public int? Code { get; init; }

    /// <summary>The diagnostic message.</summary>
    public string? Message { get; init; }
}
