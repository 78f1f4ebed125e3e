using System.Reflection;
using Azure.Identity;
using CallFlows.CallAutomation;
using CallFlows.Runtime.Viewer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime;

/// <summary>Composition of the CallFlows app, shared by the Functions host and any other host (the local host, tests).</summary>
public static class CallFlowsServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the app's functions need: <see cref="CallFlowsOptions"/> bound from section
    /// <c>CallFlows</c> and validated at startup, the <see cref="CallAutomationClient"/> (connection string, or
    /// endpoint + <c>DefaultAzureCredential</c>), the callback token validator, routing, the HTTP handlers and
    /// <see cref="TimeProvider.System"/>. Registrations use TryAdd, so a host may register its own
    /// <see cref="ICallManagementLinkFactory"/>, <see cref="TimeProvider"/> or client first (or replace them after).
    /// </summary>
    /// <remarks>
    /// Flows are registered by their <see cref="CallFlowAttribute"/>, found in <paramref name="flowAssemblies"/> (the
    /// entry assembly, i.e. the Functions app, when none is given) plus the runtime's built-in reject and redirect flows.
    /// A routing rule that names no registered flow, or settings its flow's type does not accept, fail the app at
    /// startup with a message naming the rule and the setting.
    /// </remarks>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration holding the <c>CallFlows</c> section.</param>
    /// <param name="flowAssemblies">The assemblies holding the app's flows; none means the entry assembly.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCallFlows(this IServiceCollection services, IConfiguration configuration, params Assembly[] flowAssemblies)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(flowAssemblies);
        var assemblies = flowAssemblies.Length > 0 ? flowAssemblies : Assembly.GetEntryAssembly() is { } entry ? [entry] : [];
        foreach (var assembly in assemblies)
        {
            services.AddSingleton(new CallFlowAssembly(assembly));
        }

        services.TryAddSingleton(provider => new CallFlowRegistry(provider.GetServices<CallFlowAssembly>().Select(a => a.Assembly)));
        services.AddOptions<CallFlowsOptions>().Bind(configuration.GetSection(CallFlowsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CallFlowsOptions>, CallFlowsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateClient);
        services.TryAddSingleton<CallbackTokenValidator>();
        services.TryAddSingleton<CallRouter>();
        services.TryAddSingleton<ICallManagementLinkFactory, RequestLinkFactory>();
        services.TryAddSingleton<IncomingCallDispatcher>();
        services.TryAddSingleton<IncomingCallResponder>();
        services.TryAddSingleton<CallbackDispatcher>();
        services.TryAddSingleton<RunningInstanceCache>();
        services.TryAddSingleton<StrandedCallEnder>();
        services.TryAddSingleton<StrandedCallSweep>();
        services.TryAddSingleton<CallStarter>();
        services.TryAddSingleton<CallStatusReader>();
        services.AddCallFlowsAdmission(configuration);
        services.AddEventGridAuth(configuration);
        services.AddCallViewer();
        return services;
    }

    private static CallAutomationClient CreateClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CallFlowsOptions>>().Value.Acs;
        var clientOptions = new CallAutomationClientOptions { TimeProvider = services.GetRequiredService<TimeProvider>() };
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new CallAutomationClient(options.ConnectionString, clientOptions);
        }

        var endpoint = options.Endpoint ?? throw new InvalidOperationException("Set CallFlows:Acs:ConnectionString or CallFlows:Acs:Endpoint.");
        return new CallAutomationClient(endpoint, new DefaultAzureCredential(), clientOptions);
    }
}
