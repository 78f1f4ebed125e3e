using System.Text.Json;
using CallFlows.CallAutomation;
using Microsoft.Extensions.Configuration;

namespace CallFlows.Runtime.Configuration;

/// <summary>One routing rule (an element of <c>CallFlows:Routing:Rules</c>).</summary>
public sealed class RouteRule
{
    /// <summary>
    /// What the called party must be: an E.164 number (<c>+14255550100</c>), a raw id (<c>4:+14255550100</c>,
    /// <c>8:acs:...</c>), a prefix ending in <c>*</c> (<c>+1425*</c>, <c>8:acs:*</c>) or <c>*</c> for any call. Required.
    /// </summary>
    public string? Called { get; set; }

    /// <summary>What the rule does; <see cref="RouteAction.Flow"/> by default.</summary>
    public RouteAction Action { get; set; } = RouteAction.Flow;

    /// <summary>For <see cref="RouteAction.Flow"/>: the registered inbound flow to run (its name, with or without the <c>Flow</c> suffix). Required for that action.</summary>
    public string? Flow { get; set; }

    /// <summary>For <see cref="RouteAction.Reject"/>: the reject reason; <see cref="CallRejectReason.None"/> by default.</summary>
    public CallRejectReason RejectReason { get; set; } = CallRejectReason.None;

    /// <summary>For <see cref="RouteAction.Redirect"/>: the raw id to redirect to (e.g. <c>4:+14255550199</c>). Null by default.</summary>
    public string? RedirectTarget { get; set; }

    /// <summary>
    /// For <see cref="RouteAction.Flow"/>: the flow's settings section, bound to the flow's settings type and validated at
    /// startup. Null by default (the settings type's defaults). Build one in code with <see cref="SettingsFrom"/>.
    /// </summary>
    public IConfigurationSection? Settings { get; set; }

    /// <summary>A settings section holding an object's properties (as configuration would), for rules built in code.</summary>
    /// <param name="settings">The settings object (its public properties; dictionaries become nested sections).</param>
    /// <returns>The section.</returns>
    public static IConfigurationSection SettingsFrom(object settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var json = JsonSerializer.SerializeToUtf8Bytes(new { Settings = settings });
        return new ConfigurationBuilder().AddJsonStream(new MemoryStream(json)).Build().GetSection(nameof(Settings));
    }
}
