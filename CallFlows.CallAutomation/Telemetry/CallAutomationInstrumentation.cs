namespace CallFlows.CallAutomation;

/// <summary>The telemetry source of the Call Automation client, for an app's OpenTelemetry setup (<c>tracing.AddSource(...)</c>).</summary>
public static class CallAutomationInstrumentation
{
    /// <summary>The <c>ActivitySource</c> name: one client span per Call Automation HTTP request attempt.</summary>
    public const string SourceName = "CallFlows.CallAutomation";
}
