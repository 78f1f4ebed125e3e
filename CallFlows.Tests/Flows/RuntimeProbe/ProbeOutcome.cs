namespace CallFlows.Tests.Flows.RuntimeProbe;

/// <summary>The probe's result enum.</summary>
public enum ProbeOutcome
{
    /// <summary>The probe ran to its end.</summary>
    Done,
}
