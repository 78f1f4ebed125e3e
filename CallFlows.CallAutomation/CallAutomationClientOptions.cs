using Azure.Core;

namespace CallFlows.CallAutomation;

/// <summary>Options of <see cref="CallAutomationClient"/>: service version, retries, transport, diagnostics and the clock.</summary>
public sealed class CallAutomationClientOptions : ClientOptions
{
    /// <summary>The latest service version this client knows.</summary>
    internal const ServiceVersion LatestVersion = ServiceVersion.V2026_03_12;

    /// <summary>Creates the options.</summary>
    /// <param name="version">The service version to call; <see cref="ServiceVersion.V2026_03_12"/> (the latest) by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not defined.</exception>
    public CallAutomationClientOptions(ServiceVersion version = LatestVersion)
    {
        if (!Enum.IsDefined(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown service version.");
        }

        Version = version;
    }

    /// <summary>The Call Automation REST API versions this client can call.</summary>
    public enum ServiceVersion
    {
        /// <summary>api-version <c>2026-03-12</c> (stable).</summary>
#pragma warning disable CA1707 // Azure SDK naming convention for service versions.
        V2026_03_12 = 1,
#pragma warning restore CA1707
    }

    /// <summary>The service version in use.</summary>
    public ServiceVersion Version { get; }

    /// <summary>
    /// The clock used for <c>x-ms-date</c> and for the <c>Repeatability-First-Sent</c> of pairs the client creates;
    /// <see cref="TimeProvider.System"/> by default. Tests substitute a fake clock.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The <c>api-version</c> query value of <see cref="Version"/>.</summary>
    internal string ApiVersion => Version switch
    {
        ServiceVersion.V2026_03_12 => "2026-03-12",
        _ => throw new InvalidOperationException($"Unknown service version {Version}."),
    };
}
