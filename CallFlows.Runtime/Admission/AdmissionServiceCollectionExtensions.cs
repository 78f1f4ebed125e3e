using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CallFlows.Runtime.Admission;

/// <summary>Registration of the webhook's admission control.</summary>
internal static class AdmissionServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IncomingCallAdmission"/> and <see cref="RequestGuard"/> with <see cref="AdmissionOptions"/> bound from <c>CallFlows:Admission</c>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddCallFlowsAdmission(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdmissionOptions>().Bind(configuration.GetSection(AdmissionOptions.SectionName));
        services.TryAddSingleton<IncomingCallAdmission>();
        services.TryAddSingleton<RequestGuard>();
        return services;
    }
}
