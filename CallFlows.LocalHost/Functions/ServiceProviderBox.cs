namespace CallFlows.LocalHost.Functions;

/// <summary>
/// Holds the host's root service provider for orchestrator factories, which the Durable Task registry creates
/// without one; set once the web application is built, before the worker starts.
/// </summary>
internal sealed class ServiceProviderBox
{
    IServiceProvider? services;

    public IServiceProvider Services
    {
        get => this.services ?? throw new InvalidOperationException("The host's services are not built yet.");
        set => this.services = value;
    }
}
