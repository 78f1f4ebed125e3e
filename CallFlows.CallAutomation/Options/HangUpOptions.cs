namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallConnection.HangUpAsync(HangUpOptions, System.Threading.CancellationToken)"/>.</summary>
public sealed class HangUpOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="forEveryone">True ends the call for everyone (POST <c>:terminate</c>); false makes only the application leave (DELETE).</param>
    public HangUpOptions(bool forEveryone)
    {
        ForEveryone = forEveryone;
    }

    /// <summary>Whether the call ends for everyone.</summary>
    public bool ForEveryone { get; }

    /// <summary>The idempotency pair for <c>:terminate</c> (not sent on DELETE); null (the default) makes the client create one.</summary>
    public RepeatabilityHeaders? RepeatabilityHeaders { get; set; }
}
