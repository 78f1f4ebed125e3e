using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlows.Runtime.Viewer;

/// <summary>Registers the call viewer's readers.</summary>
internal static class ViewerServiceCollectionExtensions
{
    /// <summary>Registers <see cref="CallViewReader"/> and <see cref="CallListReader"/>.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCallViewer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CallViewReader>();
        services.TryAddSingleton<CallListReader>();
        return services;
    }
}
