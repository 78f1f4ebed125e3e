namespace CallFlows.Tests.Testing.KitFlows;

/// <summary>Settings of the kit's test flows.</summary>
public sealed class KitFlowSettings
{
    /// <summary>The customer id the CRM lookup is asked about.</summary>
    public string CustomerId { get; set; } = "c-42";
}
