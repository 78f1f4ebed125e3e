using System.Text.Json.Serialization;

namespace CallFlows.CallAutomation;

/// <summary>
/// Custom calling context sent to the target of a call, add or transfer (wire <c>customCallingContext</c>):
/// SIP headers for PSTN/SIP legs and VoIP headers for VoIP legs. The documented limits (PROTOCOL.md §6.6) are
/// enforced when headers are added.
/// </summary>
public sealed class CustomCallingContext
{
    /// <summary>The SIP header key of the user-to-user information header.</summary>
    public const string SipUuiHeaderName = "User-To-User";

    private const int MaxCustomSipHeaders = 5;
    private const int MaxSipKeyLength = 64;
    private const int MaxSipValueLength = 256;
    private const int MaxVoipHeaders = 1000;
    private const int MaxVoipKeyLength = 64;
    private const int MaxVoipValueLength = 1024;
    private const string SipKeyExtraCharacters = ".!%*_+~-";
    private const string SipValueExtraCharacters = "=;.!%*_+~-";

    private readonly Dictionary<string, string> _sipHeaders;
    private readonly Dictionary<string, string> _voipHeaders;

    /// <summary>Creates an empty context.</summary>
    public CustomCallingContext()
    {
        _sipHeaders = new(StringComparer.OrdinalIgnoreCase);
        _voipHeaders = new(StringComparer.Ordinal);
    }

    /// <summary>Creates a context holding the given headers (used when deserializing); the limits are checked.</summary>
    /// <param name="sipHeaders">SIP headers with their final keys (e.g. <c>X-MS-Custom-k</c>, <c>User-To-User</c>).</param>
    /// <param name="voipHeaders">VoIP headers.</param>
    /// <exception cref="ArgumentException">A header breaks a documented limit.</exception>
    [JsonConstructor]
    public CustomCallingContext(IReadOnlyDictionary<string, string>? sipHeaders, IReadOnlyDictionary<string, string>? voipHeaders)
        : this()
    {
        foreach (var (key, value) in sipHeaders ?? new Dictionary<string, string>())
        {
            AddSipHeader(key, value, nameof(sipHeaders));
        }

        foreach (var (key, value) in voipHeaders ?? new Dictionary<string, string>())
        {
            AddVoip(key, value);
        }
    }

    /// <summary>The SIP headers with their final keys.</summary>
    public IReadOnlyDictionary<string, string> SipHeaders => _sipHeaders;

    /// <summary>The VoIP headers.</summary>
    public IReadOnlyDictionary<string, string> VoipHeaders => _voipHeaders;

    /// <summary>Whether no header has been added.</summary>
    [JsonIgnore]
    public bool IsEmpty => _sipHeaders.Count == 0 && _voipHeaders.Count == 0;

    /// <summary>Adds the SIP user-to-user information header (key <c>User-To-User</c>).</summary>
    /// <param name="value">The UUI value (≤256 characters: letters, digits and <c>= ; . ! % * _ + ~ -</c>).</param>
    /// <exception cref="ArgumentException">The value breaks a limit.</exception>
    public void AddSipUui(string value) => AddSipHeader(SipUuiHeaderName, value, nameof(value));

    /// <summary>Adds a custom SIP header; the key is sent as <c>X-MS-Custom-{key}</c> or <c>X-{key}</c>.</summary>
    /// <param name="key">The key without prefix (final key ≤64 characters: letters, digits and <c>. ! % * _ + ~ -</c>).</param>
    /// <param name="value">The value (≤256 characters: letters, digits and <c>= ; . ! % * _ + ~ -</c>).</param>
    /// <param name="prefix">The prefix; <see cref="SipHeaderPrefix.XmsCustom"/> by default.</param>
    /// <exception cref="ArgumentException">A limit is broken (at most 5 custom SIP headers).</exception>
    public void AddSipX(string key, string value, SipHeaderPrefix prefix = SipHeaderPrefix.XmsCustom)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var fullKey = (prefix == SipHeaderPrefix.X ? "X-" : "X-MS-Custom-") + key;
        AddSipHeader(fullKey, value, nameof(key));
    }

    /// <summary>Adds a VoIP header.</summary>
    /// <param name="key">The key (≤64 characters).</param>
    /// <param name="value">The value (≤1024 characters).</param>
    /// <exception cref="ArgumentException">A limit is broken (at most 1000 VoIP headers).</exception>
    public void AddVoip(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        if (key.Length > MaxVoipKeyLength)
        {
            throw new ArgumentException($"A VoIP header key must be at most {MaxVoipKeyLength} characters.", nameof(key));
        }

        if (value.Length > MaxVoipValueLength)
        {
            throw new ArgumentException($"A VoIP header value must be at most {MaxVoipValueLength} characters.", nameof(value));
        }

        if (!_voipHeaders.ContainsKey(key) && _voipHeaders.Count >= MaxVoipHeaders)
        {
            throw new ArgumentException($"At most {MaxVoipHeaders} VoIP headers are allowed.", nameof(key));
        }

        _voipHeaders[key] = value;
    }

    private void AddSipHeader(string fullKey, string value, string keyParameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fullKey, keyParameterName);
        ArgumentNullException.ThrowIfNull(value);
        if (fullKey.Length > MaxSipKeyLength)
        {
            throw new ArgumentException($"A SIP header key (with its prefix) must be at most {MaxSipKeyLength} characters.", keyParameterName);
        }

        if (!fullKey.All(c => char.IsAsciiLetterOrDigit(c) || SipKeyExtraCharacters.Contains(c)))
        {
            throw new ArgumentException($"A SIP header key may contain only letters, digits and '{SipKeyExtraCharacters}'.", keyParameterName);
        }

        if (value.Length > MaxSipValueLength)
        {
            throw new ArgumentException($"A SIP header value must be at most {MaxSipValueLength} characters.", nameof(value));
        }

        if (!value.All(c => char.IsAsciiLetterOrDigit(c) || SipValueExtraCharacters.Contains(c)))
        {
            throw new ArgumentException($"A SIP header value may contain only letters, digits and '{SipValueExtraCharacters}'.", nameof(value));
        }

        var isUui = string.Equals(fullKey, SipUuiHeaderName, StringComparison.OrdinalIgnoreCase);
        var customCount = _sipHeaders.Keys.Count(k => !string.Equals(k, SipUuiHeaderName, StringComparison.OrdinalIgnoreCase));
        if (!isUui && !_sipHeaders.ContainsKey(fullKey) && customCount >= MaxCustomSipHeaders)
        {
            throw new ArgumentException($"At most {MaxCustomSipHeaders} custom SIP headers are allowed (plus {SipUuiHeaderName}).", keyParameterName);
        }

        _sipHeaders[isUui ? SipUuiHeaderName : fullKey] = value;
    }
}
