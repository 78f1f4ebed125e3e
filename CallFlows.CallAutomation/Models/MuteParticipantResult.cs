namespace CallFlows.CallAutomation;

/// <summary>The result of <see cref="CallConnection.MuteParticipantAsync(MuteParticipantOptions, System.Threading.CancellationToken)"/> (the mute is done when this returns).</summary>
public sealed class MuteParticipantResult
{
    /// <summary>The operation context echoed by the service.</summary>
    public string? OperationContext { get; init; }
}
