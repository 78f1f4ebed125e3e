using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlows.Runtime.Security;

/// <summary>Registers the Microsoft Entra authentication of Event Grid deliveries.</summary>
internal static class EventGridAuthServiceCollectionExtensions
{
    /// <summary>Binds <see cref="EventGridAuthOptions"/> from <c>CallFlows:EventGridAuth</c> and registers the validator and the gate.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddEventGridAuth(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EventGridAuthOptions>().Bind(configuration.GetSection(EventGridAuthOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EventGridTokenValidator>();
        services.TryAddSingleton<EventGridAuthGate>();
        return services;
    }
}
