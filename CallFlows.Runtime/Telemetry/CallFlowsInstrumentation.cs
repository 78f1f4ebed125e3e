namespace CallFlows.Runtime;

/// <summary>
/// Names of the telemetry sources CallFlows emits, for an app's OpenTelemetry setup
/// (<c>tracing.AddSource(...)</c>, <c>metrics.AddMeter(...)</c>). The libraries depend only on
/// <c>System.Diagnostics</c>; the host chooses the SDK and the exporters.
/// </summary>
public static class CallFlowsInstrumentation
{
    /// <summary>The <c>ActivitySource</c> and <c>Meter</c> name of the runtime: call, action and callback spans; call, action, callback and admission metrics.</summary>
    public const string RuntimeSourceName = "CallFlows.Runtime";

    /// <summary>The <c>ActivitySource</c> name of the Call Automation client: one client span per REST request (each retry is a span).</summary>
    public const string CallAutomationSourceName = CallFlows.CallAutomation.CallAutomationInstrumentation.SourceName;

    /// <summary>Every source name, for <c>AddSource</c>.</summary>
    public static IReadOnlyList<string> ActivitySourceNames { get; } = [RuntimeSourceName, CallAutomationSourceName];

    /// <summary>Every meter name, for <c>AddMeter</c>.</summary>
    public static IReadOnlyList<string> MeterNames { get; } = [RuntimeSourceName];
}
