using System.Text.Json.Nodes;

namespace CallFlows.Emulator.Simulation.Media;

/// <summary>A queued or running play or recognize, with the timers that drive it.</summary>
internal abstract class MediaOperation(string? operationContext, Uri callbackUri)
{
    public string? OperationContext { get; } = operationContext;

    public Uri CallbackUri { get; } = callbackUri;

    public List<ITimer> Timers { get; } = [];

    public bool Done { get; set; }

    /// <summary>The event sent when the operation is canceled: PlayCanceled or RecognizeCanceled.</summary>
    public abstract string CanceledEvent { get; }

    /// <summary>The prompts, in order.</summary>
    public required IReadOnlyList<PromptSource> Sources { get; init; }

    public void StopTimers()
    {
        foreach (var timer in Timers)
        {
            timer.Dispose();
        }

        Timers.Clear();
    }
}

/// <summary>A play.</summary>
internal sealed class PlayOperation(string? operationContext, Uri callbackUri) : MediaOperation(operationContext, callbackUri)
{
    public override string CanceledEvent => "PlayCanceled";

    public bool Loop { get; init; }

    /// <summary>Who hears it; empty means everyone.</summary>
    public required IReadOnlyList<string> PlayTo { get; init; }
}

/// <summary>A recognize: its options and what it has collected so far.</summary>
internal sealed class RecognizeOperation(string? operationContext, Uri callbackUri) : MediaOperation(operationContext, callbackUri)
{
    public override string CanceledEvent => "RecognizeCanceled";

    public required string InputType { get; init; }

    public required string Target { get; init; }

    public bool InterruptPrompt { get; init; }

    public TimeSpan InitialSilenceTimeout { get; init; }

    public TimeSpan InterToneTimeout { get; init; }

    public int MaxTones { get; init; }

    public IReadOnlySet<string> StopTones { get; init; } = new HashSet<string>();

    public JsonArray Choices { get; init; } = [];

    public List<string> Tones { get; } = [];

    public DateTimeOffset PromptEndsAt { get; set; }

    public ITimer? SilenceTimer { get; set; }

    public ITimer? InterToneTimer { get; set; }

    public bool Listens(string kind) => kind switch
    {
        "dtmf" => InputType is "dtmf" or "speechOrDtmf" or "choices",
        _ => InputType is "speech" or "speechOrDtmf" or "choices",
    };
}

/// <summary>One play source as the emulator plays it: how long it lasts and whether it can be fetched.</summary>
internal sealed record PromptSource(string Kind, string Description, TimeSpan Duration, bool Reachable);
