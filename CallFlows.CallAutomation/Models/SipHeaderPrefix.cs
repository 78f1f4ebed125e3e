namespace CallFlows.CallAutomation;

/// <summary>The prefix <see cref="CustomCallingContext.AddSipX"/> puts in front of a custom SIP header key.</summary>
public enum SipHeaderPrefix
{
    /// <summary><c>X-MS-Custom-</c>, the documented default.</summary>
    XmsCustom = 0,

    /// <summary>Plain <c>X-</c> (supported since JS SDK 1.5.0).</summary>
    X,
}
