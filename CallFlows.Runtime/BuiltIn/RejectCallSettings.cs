using CallFlows.CallAutomation;

namespace CallFlows.Runtime.BuiltIn;

/// <summary>Settings of <see cref="RejectCallFlow"/> (from a rule with <c>Action: Reject</c>).</summary>
public sealed class RejectCallSettings
{
    /// <summary>The reject reason. Default <see cref="CallRejectReason.None"/>.</summary>
    public CallRejectReason Reason { get; set; } = CallRejectReason.None;
}
