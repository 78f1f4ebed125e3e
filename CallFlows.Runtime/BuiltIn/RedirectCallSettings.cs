using System.ComponentModel.DataAnnotations;

namespace CallFlows.Runtime.BuiltIn;

/// <summary>Settings of <see cref="RedirectCallFlow"/> (from a rule with <c>Action: Redirect</c>).</summary>
public sealed class RedirectCallSettings
{
    /// <summary>The raw id to redirect to (e.g. <c>4:+14255550199</c>). Required.</summary>
    [Required]
    public string? Target { get; set; }
}
