using System.ComponentModel.DataAnnotations;

namespace CallFlows.Functions.Flows;

/// <summary>The settings of <see cref="IvrFlow"/> (its routing rule's <c>Settings</c> section). Text prompts need <c>CallFlows:Acs:CognitiveServicesEndpoint</c>.</summary>
public sealed class IvrSettings
{
    /// <summary>Said first. Default "Thanks for calling Contoso."</summary>
    [Required]
    public string Greeting { get; set; } = "Thanks for calling Contoso.";

    /// <summary>The menu question. Default "For sales press 1. For support press 2."</summary>
    [Required]
    public string Menu { get; set; } = "For sales press 1. For support press 2.";

    /// <summary>Said before re-asking after a key that is not on the menu. Default "Sorry, that is not an option."</summary>
    [Required]
    public string InvalidChoice { get; set; } = "Sorry, that is not an option.";

    /// <summary>The departments: key → agent raw id. Default 1 → <c>8:acs:contoso_sales</c>, 2 → <c>8:acs:contoso_support</c>.</summary>
    [MinLength(1)]
    public IDictionary<string, string> Departments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1"] = "8:acs:contoso_sales",
        ["2"] = "8:acs:contoso_support",
    };

    /// <summary>How many times the menu is asked on no input or invalid input (1–10). Default 3.</summary>
    [Range(1, 10)]
    public int Attempts { get; set; } = 3;

    /// <summary>What the caller hears on hold while the agent's phone rings (a WAV URL ACS can fetch). Default a Contoso URL.</summary>
    [Required]
    [Url]
    public string HoldMusicUrl { get; set; } = "https://media.contoso.example/hold-music.wav";

    /// <summary>Said when the agent answered, before the recording starts. Default "This call is recorded for quality purposes."</summary>
    [Required]
    public string RecordingAnnouncement { get; set; } = "This call is recorded for quality purposes.";

    /// <summary>Said when no agent answered, before the message is recorded. Default "Nobody is free right now. Please leave a message after the tone."</summary>
    [Required]
    public string VoicemailPrompt { get; set; } = "Nobody is free right now. Please leave a message after the tone.";

    /// <summary>Said at the end of a call the flow ends itself. Default "Goodbye."</summary>
    [Required]
    public string Goodbye { get; set; } = "Goodbye.";

    /// <summary>How long the agent's phone rings. Default 20 seconds.</summary>
    public TimeSpan RingTime { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest message recorded. Default 1 minute.</summary>
    public TimeSpan MaxMessageLength { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the flow waits for a recording's file after the call. Default 2 minutes.</summary>
    public TimeSpan RecordingFileWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest call allowed before the flow ends it. Default 1 hour.</summary>
    public TimeSpan MaxCallDuration { get; set; } = TimeSpan.FromHours(1);
}
