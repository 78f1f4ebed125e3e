using CallFlows.CallAutomation;

namespace CallFlows.Runtime;

/// <summary>
/// What a caller may answer to <see cref="CallFlowCall.AskAsync"/>: keys (<see cref="Dtmf(string[])"/>) or labelled
/// choices picked by key or phrase (<see cref="Choices"/>). A serializable value, so a flow replays identically.
/// </summary>
/// <param name="Options">The choices.</param>
public sealed record Menu(IReadOnlyList<MenuChoice> Options)
{
    /// <summary>A keys-only menu: each key is its own label (<c>Menu.Dtmf("1", "2")</c>).</summary>
    /// <param name="keys">The keys.</param>
    /// <returns>The menu.</returns>
    /// <exception cref="ArgumentException">No key, a key that is not one DTMF tone, or a repeated key.</exception>
    public static Menu Dtmf(params string[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return Choices([.. keys.Select(MenuChoice.ForKey)]);
    }

    /// <summary>A menu of labelled choices picked by key, by phrase, or both.</summary>
    /// <param name="choices">The choices.</param>
    /// <returns>The menu.</returns>
    /// <exception cref="ArgumentException">No choice, a repeated label or key, a key that is not one DTMF tone.</exception>
    public static Menu Choices(params MenuChoice[] choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Length == 0)
        {
            throw new ArgumentException("A menu needs at least one choice.", nameof(choices));
        }

        foreach (var choice in choices)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(choice.Label);
            if (choice.Key is { } key && (key.Length != 1 || DtmfTones.Parse(key).Count != 1))
            {
                throw new ArgumentException($"'{key}' is not one DTMF key (0-9, *, #, A-D).", nameof(choices));
            }

            if (choice.Key is null && choice.Phrases.Count == 0)
            {
                throw new ArgumentException($"Choice '{choice.Label}' has neither a key nor a phrase.", nameof(choices));
            }
        }

        if (choices.Select(c => c.Label).Distinct(StringComparer.Ordinal).Count() != choices.Length
            || choices.Where(c => c.Key is not null).Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != choices.Count(c => c.Key is not null))
        {
            throw new ArgumentException("Menu labels and keys must be unique.", nameof(choices));
        }

        return new Menu(choices);
    }

    /// <summary>Whether every choice is picked by a key only (the menu is recognized as DTMF, no speech service needed).</summary>
    public bool IsKeysOnly => Options.All(o => o.Key is not null && o.Phrases.Count == 0);

    /// <summary>The choice a key picks, if any.</summary>
    /// <param name="key">The key pressed.</param>
    /// <returns>The choice, or null.</returns>
    public MenuChoice? ForKey(string key) => Options.FirstOrDefault(o => string.Equals(o.Key, key, StringComparison.Ordinal));
}
