using CallFlows.LocalHost;
using CallFlows.Tests.Engine.SampleFunctions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CallFlows.Tests.Engine;

/// <summary>Starts a local host over the shared Azurite with the sample functions and a fresh task hub.</summary>
internal static class TestHosts
{
    public static string NewTaskHubName() => "t" + Guid.NewGuid().ToString("N")[..16];

    public static Task<LocalFunctionsHost> StartAsync(AzuriteFixture? azurite, Action<LocalHostOptions>? configure = null)
    {
        var options = new LocalHostOptions
        {
            FunctionsAssembly = typeof(GreetingFunctions).Assembly,
            StorageConnectionString = azurite?.ConnectionString,
            TaskHubName = NewTaskHubName(),
            DeleteTaskHubOnStop = true,
            MinimumLogLevel = LogLevel.Warning,
            ConfigureServices = (services, _) => services.AddSingleton<Greeter>(),
        };
        configure?.Invoke(options);
        return LocalFunctionsHost.StartAsync(options);
    }
}
